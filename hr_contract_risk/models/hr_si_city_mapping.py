"""Leaver formalities (social-insurance stoppage): the local stoppage code per city and reason."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..engine import social_insurance as si


class HrSiCityMapping(models.Model):
    """City x internal stoppage reason -> the local reduction code (domain reference §1.12).

    Code lists are local and no source confirms the numeric codes: every row
    carries its source and a "verify with the local bureau" flag.
    """

    _name = "hr.si.city.mapping"
    _description = "Social-insurance stoppage code by city"
    _order = "city, stoppage_reason, company_id"

    city = fields.Char(required=True, help="City whose social-insurance agency uses this code, e.g. 上海.")
    city_aliases = fields.Char(
        string="Other names",
        help="Comma-separated other spellings matched against the employee's work city, e.g. Shanghai, 上海市.",
    )
    stoppage_reason = fields.Selection(
        si.reason_selection(),
        string="Internal stoppage reason",
        required=True,
        help="Internal reason (domain reference §1.5 / §1.12) that this local code reports.",
    )
    local_code = fields.Char(required=True, help="Code of the reason on the local reduction (减员) form or portal.")
    local_label = fields.Char(string="Local label", help="Wording of the reason on the local form, e.g. 合同期满终止.")
    source_url = fields.Char(string="Source URL")
    source_note = fields.Text(string="Source note")
    verify_with_bureau = fields.Boolean(
        string="Verify with the local bureau",
        default=True,
        help="Set while no official source confirms the code (numeric codes are Unconfirmed: domain reference §1.12).",
    )
    involuntary = fields.Boolean(
        compute="_compute_involuntary",
        string="Involuntary job loss",
        help="Whether the internal reason is an involuntary job loss under Order 13 Art. 13 (非因本人意愿).",
    )
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        index=True,
        help="Leave empty to share the mapping with every company.",
    )
    active = fields.Boolean(default=True)

    @api.depends("stoppage_reason")
    def _compute_involuntary(self):
        for mapping in self:
            mapping.involuntary = bool(
                mapping.stoppage_reason and si.REASONS[mapping.stoppage_reason].involuntary
            )

    @api.constrains("city", "city_aliases", "stoppage_reason", "company_id", "active")
    def _check_unique_city_reason(self):
        if not self:
            return
        others = self.search(
            [("stoppage_reason", "in", self.mapped("stoppage_reason")), ("id", "not in", self.ids)]
        )
        for mapping in self.filtered("active"):
            for other in others | (self - mapping):
                if (
                    other.stoppage_reason == mapping.stoppage_reason
                    and other.company_id == mapping.company_id
                    and si.city_matches(mapping.city, other.city, other.city_aliases)
                ):
                    raise ValidationError(
                        _(
                            "City %(city)s already has a stoppage code for \u201c%(reason)s\u201d in this company.",
                            city=mapping.city,
                            reason=dict(self._fields["stoppage_reason"]._description_selection(self.env))[
                                mapping.stoppage_reason
                            ],
                        )
                    )

    @api.model
    def _hrcr_find(self, company, city, reason_key):
        """The mapping for (company, city, reason): the company's own row first, then a shared row."""
        if not (city and reason_key):
            return self.browse()
        candidates = self.search(
            [
                ("stoppage_reason", "=", reason_key),
                ("company_id", "in", [company.id, False]),
            ]
        )
        matches = candidates.filtered(lambda m: si.city_matches(city, m.city, m.city_aliases))
        own = matches.filtered(lambda m: m.company_id == company)
        return (own or matches)[:1]
