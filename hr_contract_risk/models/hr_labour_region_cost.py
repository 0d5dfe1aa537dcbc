"""Labour cost: employer social-insurance and housing-fund rates of a region."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import labour_cost


class HrLabourRegionCost(models.Model):
    """Employer social-insurance and housing-fund rates of a region.

    Rates are percentages (16 = 16 %). The contribution base is the wage clamped to
    floor % and ceiling % of the average wage (default 60 %-300 %); the rule and its
    validation live in ``engine/labour_cost.py``.
    """

    _inherit = "hr.labour.region"

    hrcr_pension_rate = fields.Float(
        string="Pension Employer Rate (%)", digits=(5, 2), help="Employer rate of basic pension insurance (SIL Art. 10).")
    hrcr_medical_rate = fields.Float(
        string="Medical Employer Rate (%)", digits=(5, 2),
        help="Employer rate of basic medical insurance, maternity included (SIL Arts. 23, 53).")
    hrcr_unemployment_rate = fields.Float(
        string="Unemployment Employer Rate (%)", digits=(5, 2), help="Employer rate of unemployment insurance (SIL Art. 44).")
    hrcr_work_injury_rate = fields.Float(
        string="Work Injury Employer Rate (%)", digits=(5, 2),
        help="Employer rate of work-injury insurance for the company's industry risk class (SIL Art. 33).")
    hrcr_housing_fund_rate = fields.Float(
        string="Housing Fund Employer Rate (%)", digits=(5, 2),
        help="Employer housing-fund rate, 5 %-12 % (住房公积金管理条例 Art. 18).")
    hrcr_base_floor_pct = fields.Float(
        string="Contribution Base Floor (% of A)", default=labour_cost.DEFAULT_FLOOR_PCT, digits=(5, 1),
        help="Lowest contribution base, in percent of the average wage (default 60 %).")
    hrcr_base_ceiling_pct = fields.Float(
        string="Contribution Base Ceiling (% of A)", default=labour_cost.DEFAULT_CEILING_PCT, digits=(5, 1),
        help="Highest contribution base, in percent of the average wage (default 300 %).")

    def _hrcr_cost_rates(self):
        self.ensure_one()
        return labour_cost.RegionRates(
            average_wage=self.average_monthly_wage, pension=self.hrcr_pension_rate, medical=self.hrcr_medical_rate,
            unemployment=self.hrcr_unemployment_rate, work_injury=self.hrcr_work_injury_rate,
            housing_fund=self.hrcr_housing_fund_rate, floor_pct=self.hrcr_base_floor_pct,
            ceiling_pct=self.hrcr_base_ceiling_pct)

    @api.constrains("hrcr_pension_rate", "hrcr_medical_rate", "hrcr_unemployment_rate", "hrcr_work_injury_rate",
                    "hrcr_housing_fund_rate", "hrcr_base_floor_pct", "hrcr_base_ceiling_pct")
    def _check_hrcr_cost_rates(self):
        for rec in self:
            try:
                labour_cost.validate_rates(rec._hrcr_cost_rates())
            except labour_cost.InputError as exc:
                raise ValidationError(rec._hrcr_render_msg(exc.msg)) from None

    def _hrcr_render_msg(self, msg):
        _ = self.env._
        params = {k: _(v) if isinstance(v, str) else v for k, v in msg.params.items()}
        text = _(msg.text)
        return text % params if params else text
