"""Legal checks: the employee's protections (LCL Art. 42) and the facts the renewal review and severance read."""

from odoo import api, fields, models

from ..engine import legal_checks as lc


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    # --- protections (LCL Art. 42), HR only ---
    pregnancy_nursing = fields.Boolean(
        string="Pregnant, on Maternity Leave or Nursing", groups="hr.group_hr_user", tracking=True,
        help="LCL Art. 42(4): no Art. 40/41 dismissal; a fixed-term contract expiring meanwhile is extended "
        "until the nursing period ends (Art. 45).")
    medical_period_until = fields.Date(
        groups="hr.group_hr_user", tracking=True,
        help="LCL Art. 42(3): end of the medical period (医疗期) for illness or non-work injury; length from "
        "劳部发〔1994〕479号 Art. 3. A contract expiring before it is extended until this date (Art. 45).")
    occupational_injury = fields.Boolean(
        string="Occupational Disease / Work Injury", groups="hr.group_hr_user", tracking=True,
        help="LCL Art. 42(1)(2): suspected or confirmed occupational disease, or work injury with confirmed "
        "loss of working capacity.")
    statutory_retirement_date = fields.Date(
        groups="hr.group_hr_user", tracking=True,
        help="Individual since the 2025 phased raise (NPCSC decision of 2024-09-13). With at least 15 consecutive "
        "years here and fewer than 5 years to this date, LCL Art. 42(5) protects the employee.")
    hrcr_total_work_years = fields.Float(
        string="Total Work Years (all employers)", groups="hr.group_hr_user",
        help="Used with the years at this employer for the medical-period length (479号 Art. 3).")
    hrcr_medical_period_months = fields.Integer(
        string="Medical Period Entitlement (months)", compute="_compute_hrcr_medical_period",
        groups="hr.group_hr_user", help="劳部发〔1994〕479号 Art. 3, from total work years and years here.")

    @api.depends("hrcr_total_work_years", "first_contract_date")
    def _compute_hrcr_medical_period(self):
        today = fields.Date.context_today(self)
        for employee in self:
            here = lc.service_years(employee.first_contract_date, today) if employee.first_contract_date else 0.0
            employee.hrcr_medical_period_months = lc.medical_period_months(
                max(employee.hrcr_total_work_years, here), here)

    # --- facts of the legal checks (engine.legal_checks), shared by the renewal review and the severance wizard ---

    def _hrcr_contract_rows(self):
        """The contracts of these employees, not cancelled, oldest first, per (employee id, company id): one
        query.  As superuser: HR officers may hold no hr_contract rights, and only the dates of these
        employees' contracts are read."""
        rows = self.env["hr.contract"].sudo().search_read(
            [("employee_id", "in", self.ids), ("state", "!=", "cancel")],
            ["employee_id", "company_id", "name", "date_start", "date_end"], order="date_start")
        out = {}
        for row in rows:
            out.setdefault((row["employee_id"][0], row["company_id"][0]), []).append(row)
        return out

    def _hrcr_legal_facts(self, company, end_date, contract_rows=None, **values):
        """``legal_checks.Facts`` for this employee's employment at ``company`` ending on ``end_date``: the
        contract chain, the Art. 42 protection fields and the company's settings.  ``values`` adds what
        only the caller knows (the employee's wish, documented Art. 39 / 40 situations, the reason, the
        hire date); ``contract_rows`` the rows of ``_hrcr_contract_rows`` when the caller has them."""
        self.ensure_one()
        if contract_rows is None:
            contract_rows = self._hrcr_contract_rows().get((self.id, company.id), [])
        return lc.Facts(
            contracts=tuple(lc.Contract(c["date_start"], c["date_end"] or None) for c in contract_rows),
            end_date=end_date,
            pregnancy_nursing=self.pregnancy_nursing,
            medical_period_until=self.medical_period_until or None,
            occupational_injury=self.occupational_injury,
            statutory_retirement_date=self.statutory_retirement_date or None,
            employer_may_refuse_second_renewal=company.hrcr_refuse_second_renewal,
            max_gap_days=company.hrcr_contract_gap_days,
            **values,
        )
