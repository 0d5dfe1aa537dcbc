"""Legal protections beyond LCL 42 entered by HR: work-injury disability grade, trade-union office, collective
negotiation mandate (工伤保险条例 Arts. 35-37, Trade Union Law Art. 19, 集体合同规定 Art. 28)."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..engine import bounds
from ..engine.i18n import Msg


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_disability_grade = fields.Integer(
        string="Work-Injury Disability Grade", groups="hr.group_hr_user", tracking=True,
        help="Confirmed disability grade 1-10 after a work injury or occupational disease, 0 when none. Grades 1-4 "
        "keep the employment relationship; grades 5-6 end only at the employee's request; grades 7-10 may end at "
        "expiry with the one-time disability employment subsidy (Work-Related Injury Insurance Regulations "
        "Arts. 35-37).")
    hrcr_disease_under_assessment = fields.Boolean(
        string="Occupational Disease Under Assessment", groups="hr.group_hr_user", tracking=True,
        help="Suspected occupational disease under diagnosis, or a work injury under treatment or assessment: "
        "the contract is extended (LCL Art. 42(1)(2), 45), whatever grade was recorded before.")
    hrcr_union_office_start = fields.Date(
        string="Trade-Union Office From", groups="hr.group_hr_user", tracking=True,
        help="Start of the current term as chair, vice-chair or committee member of the trade union.")
    hrcr_union_office_until = fields.Date(
        string="Trade-Union Office Until", groups="hr.group_hr_user", tracking=True,
        help="End of the current term as chair, vice-chair or committee member of the trade union: a contract "
        "expiring earlier is extended to it (Trade Union Law Art. 19).")
    hrcr_union_office_full_time = fields.Boolean(
        string="Full-Time Trade-Union Officer", groups="hr.group_hr_user", tracking=True,
        help="A full-time officer's contract is extended by a period equal to the term of office (Trade Union "
        "Law Art. 19).")
    hrcr_negotiation_rep_until = fields.Date(
        string="Collective-Negotiation Representative Until", groups="hr.group_hr_user", tracking=True,
        help="End of the mandate as the employees' collective-negotiation representative: the contract is "
        "extended to it and may not be ended meanwhile except for serious misconduct (Collective Contract "
        "Provisions Art. 28).")

    @api.constrains("hrcr_disability_grade", "hrcr_union_office_start", "hrcr_union_office_until")
    def _check_hrcr_legal_protections(self):
        label = self._fields["hrcr_disability_grade"]._description_string(self.env)
        for employee in self:
            try:
                bounds.check_number("disability_grade", employee.hrcr_disability_grade, label)
            except bounds.BoundsError as err:
                params = dict(err.msg.params, rule=self.env._(err.msg.params["rule"]))  # an _lt of the bounds table
                raise ValidationError(Msg(err.msg.text, params).render(self.env._)) from None
            start, until = employee.hrcr_union_office_start, employee.hrcr_union_office_until
            if start and until and until < start:
                raise ValidationError(_(
                    "The trade-union office of %(employee)s ends on %(until)s, before it starts on %(start)s.",
                    employee=employee.name, until=until, start=start))

    def _hrcr_legal_facts(self, company, end_date, contract_rows=None, **values):
        """Add the work-injury grade and the extensions of other laws to the legal facts; ``values`` given
        by the caller (e.g. the grade entered in the severance wizard) win."""
        values.setdefault("disability_grade", self.hrcr_disability_grade or None)
        values.setdefault("disease_under_assessment", self.hrcr_disease_under_assessment)
        values.setdefault("union_office_until", self.hrcr_union_office_until or None)
        values.setdefault("union_office_start", self.hrcr_union_office_start or None)
        values.setdefault("union_office_full_time", self.hrcr_union_office_full_time)
        values.setdefault("negotiation_rep_until", self.hrcr_negotiation_rep_until or None)
        return super()._hrcr_legal_facts(company, end_date, contract_rows=contract_rows, **values)
