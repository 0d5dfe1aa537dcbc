"""Training recommendation: what each employee should train, from their records (batched)."""

from odoo import fields, models

from ..engine import training as tr


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    hrcr_training_count = fields.Integer(string="Trainings", compute="_compute_hrcr_training_count",
                                         groups="hr.group_hr_user")

    def _compute_hrcr_training_count(self):
        counts = dict(self.env["hr.training.record"]._read_group(
            [("employee_id", "in", self.ids), ("state", "!=", "cancelled")], ["employee_id"], ["__count"]))
        for emp in self:
            emp.hrcr_training_count = counts.get(emp, 0)

    # ------------------------------------------------------------------ actions
    def action_hrcr_training(self):
        """The ranked training suggestions of one employee (HR, or the employee's manager)."""
        self.ensure_one()
        # created here (the audience is checked on create) so the form opens with the ranked suggestions
        wizard = self.env["hr.training.wizard"].create({"employee_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Training recommendation"),
            "res_model": "hr.training.wizard",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_hrcr_open_trainings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_contract_risk.action_hr_training_record")
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    # ------------------------------------------------------------------ business methods
    def _hrcr_training_needs(self, periods=tr.LAST_PERIODS):
        """{employee id: [engine.training.Need]} from the weakest KPIs of the latest ``periods`` confirmed
        appraisals, the lowest 360 competencies of those appraisals and the skill gaps against the job.
        A fixed number of queries for the whole batch (sudo: HR data read for the recommendation only;
        the caller checks the audience)."""
        Appraisal = self.env["hr.kpi.appraisal"].sudo()
        kpis = Appraisal._hrcr_kpi_completions(self.ids, periods)
        recent = Appraisal.search_read([("employee_id", "in", self.ids), ("state", "=", "confirmed")],
                                       ["employee_id"], order="date_start desc")
        keep, seen = [], {}
        for row in recent:
            emp = row["employee_id"][0]
            if seen.get(emp, 0) < periods:
                seen[emp] = seen.get(emp, 0) + 1
                keep.append(row["id"])
        competencies = self.env["hr.kpi.feedback.line"].sudo()._hrcr_competency_averages(keep)
        emps = self.sudo()
        expected = self.env["hr.job.skill.requirement"].sudo()._hrcr_expected(emps.job_id.ids)
        current = {}
        for row in self.env["hr.employee.skill"].sudo().search_read(
                [("employee_id", "in", self.ids)], ["employee_id", "skill_id", "level_progress"]):
            current.setdefault(row["employee_id"][0], {})[row["skill_id"][0]] = float(row["level_progress"] or 0)
        out = {}
        for emp in emps:
            out[emp.id] = (tr.kpi_needs(kpis.get(emp.id, []), periods)
                           + tr.competency_needs(competencies.get(emp.id, []))
                           + tr.skill_needs(expected.get(emp.job_id.id, []), current.get(emp.id, {})))
        return out

    def _hrcr_training_suggestions(self, limit=tr.DEFAULT_LIMIT):
        """{employee id: (suggestions, needs, unanswered needs)}: the catalog (``hr.training.record.
        _hrcr_course_catalog``) ranked against each employee's needs; courses already planned are left out,
        those done before are flagged."""
        Record = self.env["hr.training.record"].sudo()
        needs = self._hrcr_training_needs()
        records = Record._hrcr_records(self.ids)
        out = {}
        catalogs = {}
        for emp in self.sudo():
            company = emp.company_id
            if company.id not in catalogs:
                catalogs[company.id] = Record._hrcr_course_catalog(company)
            mine = records.get(emp.id, Record.browse())
            open_keys = [r._hrcr_course_key() for r in mine if r.state == "planned"]
            done_keys = [r._hrcr_course_key() for r in mine if r.state == "done"]
            ranked = tr.rank(needs[emp.id], catalogs[company.id], limit, open_keys, done_keys)
            out[emp.id] = (ranked, needs[emp.id], tr.unanswered(needs[emp.id], ranked))
        return out
