from odoo import api, fields, models

from ..engine import legal_checks as lc


class HrEmployee(models.Model):
    _inherit = "hr.employee"

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
    # --- appraisals ---
    kpi_appraisal_ids = fields.One2many("hr.kpi.appraisal", "employee_id", string="KPI Appraisals",
                                        groups="hr.group_hr_user")
    kpi_appraisal_count = fields.Integer(compute="_compute_kpi_appraisal_count", string="Appraisal Count",
                                         groups="hr.group_hr_user")

    @api.depends("hrcr_total_work_years", "first_contract_date")
    def _compute_hrcr_medical_period(self):
        today = fields.Date.context_today(self)
        for employee in self:
            here = lc.service_years(employee.first_contract_date, today) if employee.first_contract_date else 0.0
            employee.hrcr_medical_period_months = lc.medical_period_months(
                max(employee.hrcr_total_work_years, here), here)

    def _compute_kpi_appraisal_count(self):
        counts = dict(self.env["hr.kpi.appraisal"]._read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]))
        for employee in self:
            employee.kpi_appraisal_count = counts.get(employee, 0)

    def action_open_kpi_appraisals(self):
        self.ensure_one()
        return self.env["hr.kpi.appraisal"]._hrcr_employee_history_action(self.id)
