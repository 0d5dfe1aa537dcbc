"""Renewal review: the renewal offer (续订劳动合同意向书) and the employee's written answer (LCL 46(5)).

Declining a renewal on the same or better terms is the one contract expiry that owes no economic
compensation (LCL 46(5)); declining worse terms, or receiving no offer, owes N (LCL 46(5), 47). The rules are
``engine.contract_compliance`` (classify_offer, expiry_ground_for_review, check_offer_answer); this file
gathers the terms, records the offer and the answer, and freezes both once the answer is recorded.
"""

from decimal import ROUND_HALF_UP, Decimal

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine import contract_compliance as cc
from ..engine import labour_law
from ..engine import legal_checks as lc
from .rendering import render_msg

OFFER_STATES = [("none", "Not Offered"), ("offered", "Offered"), ("answered", "Answered")]
CLASSIFICATIONS = [(cc.SAME, "Same terms"), (cc.BETTER, "Better terms"), (cc.WORSE, "Worse terms")]
ANSWERS = [(cc.ACCEPT, "Accepts the renewal"), (cc.DECLINE, "Declines the renewal")]


class HrContractRenewalReview(models.Model):
    _inherit = "hr.contract.renewal.review"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    offer_currency_id = fields.Many2one(related="company_id.currency_id", string="Offer Currency")
    offer_state = fields.Selection(OFFER_STATES, string="Renewal Offer", default="none", required=True,
                                   readonly=True, tracking=True, copy=False)
    # the current terms: from the contract until the offer is sent, then the snapshot taken at sending
    offer_current_snapshot = fields.Json(string="Current Terms at the Offer (data)", readonly=True, copy=False)
    offer_current_wage = fields.Monetary(string="Current Wage", currency_field="offer_currency_id",
                                         compute="_compute_offer_current")
    offer_current_term_months = fields.Integer(string="Current Term (months)", compute="_compute_offer_current")
    offer_current_job_id = fields.Many2one("hr.job", string="Current Job", compute="_compute_offer_current")
    offer_current_place = fields.Char(string="Current Place of Work", compute="_compute_offer_current")
    # the offered terms; an empty one means "unchanged" and takes the current value when the offer is sent
    offer_wage = fields.Monetary(string="Offered Wage", currency_field="offer_currency_id", tracking=True,
                                 help="Empty: the current wage.")
    offer_open_ended = fields.Boolean(string="Offered Open-Ended", tracking=True,
                                      help="The renewal offered is an open-ended contract (LCL 14).")
    offer_term_months = fields.Integer(string="Offered Term (months)", tracking=True,
                                       help="Empty: the current term.")
    offer_job_id = fields.Many2one("hr.job", string="Offered Job", tracking=True, help="Empty: the current job.")
    offer_place = fields.Char(string="Offered Place of Work", tracking=True,
                              help="Empty: the current place of work.")
    offer_date = fields.Date(tracking=True, copy=False,
                             help="The day the written renewal offer was handed to the employee.")
    offer_classification = fields.Selection(
        CLASSIFICATIONS, string="Offered Terms", compute="_compute_offer_classification", store=True,
        help="LCL 46(5): the same or better terms (wage, term, job, place of work) than the current contract. "
        "Any change of job or place counts as worse.")
    offer_differences = fields.Text(string="Differences", compute="_compute_offer_differences")
    # the employee's written answer
    offer_answer = fields.Selection(ANSWERS, string="Employee's Answer", tracking=True, copy=False)
    offer_answer_date = fields.Date(string="Answer Date", tracking=True, copy=False,
                                    help="The date of the employee's written answer (required with the answer).")
    offer_answer_attachment_ids = fields.Many2many(
        "ir.attachment", "hrcr_renewal_offer_answer_attachment_rel", "review_id", "attachment_id",
        string="Scan of the Written Answer", copy=False)
    offer_expiry_ground = fields.Selection(
        labour_law.ground_selection(), string="Expiry Ground from the Offer",
        compute="_compute_offer_expiry_ground", store=True,
        help="LCL 46(5): declined on the same or better terms -> no economic compensation; declined on worse "
        "terms, or no offer / no written answer -> N. The severance wizard defaults to it.")
    offer_ground_warning = fields.Text(string="Offer Warning", compute="_compute_offer_ground_warning")

    # the terms of the letter handed over: frozen once sent (withdraw the offer to correct them)
    _HRCR_OFFER_TERMS = frozenset({
        "offer_wage", "offer_open_ended", "offer_term_months", "offer_job_id", "offer_place", "offer_date"})
    _HRCR_OFFER_FIELDS = frozenset({
        "offer_wage", "offer_open_ended", "offer_term_months", "offer_job_id", "offer_place", "offer_date",
        "offer_answer", "offer_answer_date", "offer_answer_attachment_ids"})

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    def _hrcr_offer_current_values(self):
        """The contract's current terms (wage, term in whole months, job id, place of work)."""
        self.ensure_one()
        contract = self.contract_id.sudo()  # HR officers lack hr_contract read rights; reads its terms only
        employee = contract.employee_id
        months = 0
        if contract.date_start and self.end_date and self.end_date >= contract.date_start:
            span = cc.term_months(contract.date_start, self.end_date)
            months = int(span.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        place = employee.work_location_id.name or employee.address_id.city or employee.address_id.name or ""
        return {"wage": contract.wage, "term_months": months, "job_id": (contract.job_id or employee.job_id).id,
                "place": place}

    def _hrcr_offer_current(self):
        self.ensure_one()
        if isinstance(self.offer_current_snapshot, dict):
            return self.offer_current_snapshot
        if not self.contract_id:
            return {"wage": 0.0, "term_months": 0, "job_id": False, "place": ""}
        return self._hrcr_offer_current_values()

    @api.depends("contract_id", "end_date", "offer_current_snapshot")
    def _compute_offer_current(self):
        for rev in self:
            current = rev._hrcr_offer_current()
            rev.offer_current_wage = current["wage"]
            rev.offer_current_term_months = current["term_months"]
            rev.offer_current_job_id = current["job_id"]
            rev.offer_current_place = current["place"]

    def _hrcr_offer_filled(self):
        """The offered terms, an empty one taking the current value (written when the offer is sent)."""
        self.ensure_one()
        current = self._hrcr_offer_current()
        return {
            "offer_wage": self.offer_wage or current["wage"],
            "offer_term_months": 0 if self.offer_open_ended else (self.offer_term_months or current["term_months"]),
            "offer_job_id": self.offer_job_id.id or current["job_id"],
            "offer_place": self.offer_place or current["place"],
        }

    def _hrcr_offer_result(self):
        """The engine's classification of the offer, or None before any offered term is entered."""
        self.ensure_one()
        typed = self.offer_wage or self.offer_open_ended or self.offer_term_months or self.offer_job_id \
            or self.offer_place
        if not self.contract_id or (self.offer_state == "none" and not typed):
            return None
        current = self._hrcr_offer_current()
        offered = self._hrcr_offer_filled()
        jobs = self.env["hr.job"].browse([j for j in (current["job_id"], offered["offer_job_id"]) if j])
        names = {job.id: job.name for job in jobs}
        return cc.classify_offer(
            cc.Terms(current["wage"], current["term_months"] or None, names.get(current["job_id"], ""),
                     current["place"] or ""),
            cc.Terms(offered["offer_wage"], None if self.offer_open_ended else (offered["offer_term_months"] or None),
                     names.get(offered["offer_job_id"], ""), offered["offer_place"] or ""))

    _OFFER_DEPENDS = ("contract_id", "end_date", "offer_state", "offer_current_snapshot", "offer_wage",
                      "offer_open_ended", "offer_term_months", "offer_job_id", "offer_place")

    @api.depends(*_OFFER_DEPENDS)
    def _compute_offer_classification(self):
        for rev in self:
            result = rev._hrcr_offer_result()
            rev.offer_classification = result.classification if result else False

    @api.depends(*_OFFER_DEPENDS)
    @api.depends_context("lang")
    def _compute_offer_differences(self):
        for rev in self:
            result = rev._hrcr_offer_result()
            if not result:
                rev.offer_differences = False
                continue
            rev.offer_differences = "\n".join(
                render_msg(self.env, msg) for _aspect, _direction, msg in result.differences
            ) or _("No difference: the same terms as the current contract.")

    def _hrcr_offer_answer(self):
        """The employee's answer once recorded (the engine's ACCEPT / DECLINE), else None."""
        self.ensure_one()
        return self.offer_answer if self.offer_state == "answered" else None

    @api.depends("offer_state", "offer_classification", "offer_answer")
    def _compute_offer_expiry_ground(self):
        for rev in self:
            ground = cc.expiry_ground_for_review(rev.offer_state != "none", rev.offer_classification or None,
                                                 rev._hrcr_offer_answer())
            rev.offer_expiry_ground = ground or False

    @api.depends("reason_category", "offer_state", "offer_classification", "offer_answer")
    @api.depends_context("lang")
    def _compute_offer_ground_warning(self):
        for rev in self:
            claims = rev.reason_category == "employee_declined"
            rev.offer_ground_warning = rev._hrcr_declined_warning() if claims and cc.declined_claim_unsupported(
                "expiry_employee_declined", rev._hrcr_offer_answer(), rev.offer_classification) else False

    def _hrcr_declined_warning(self):
        return _("The reason says the employee declined, but no written refusal of an offer on the same or better "
                 "terms is recorded: without it the expiry owes N (LCL 46(5)). Send the renewal offer and record the "
                 "employee's dated, signed answer.")

    # --- the evidence checklist gains the offer and the answer (engine.legal_checks.renewal_offer_checklist)

    def _hrcr_offer_checklist(self):
        self.ensure_one()
        return lc.renewal_offer_checklist(self.offer_state != "none", self._hrcr_offer_answer(),
                                          self.offer_answer_date, bool(self.offer_answer_attachment_ids))

    def _hrcr_checklist_html(self, items):
        return super()._hrcr_checklist_html(list(items) + self._hrcr_offer_checklist())

    @api.depends("offer_state", "offer_answer", "offer_answer_date", "offer_answer_attachment_ids")
    def _compute_legal(self):
        return super()._compute_legal()

    # ------------------------------------------------------------------
    # Constraints and locking
    # ------------------------------------------------------------------

    def _hrcr_check_offer_answer(self, vals=None):
        """The answer needs its date (LCL 46(5)): checked before anything is written."""
        today = fields.Date.context_today(self)
        vals = vals or {}
        for rev in self or [self.browse()]:
            answer = vals.get("offer_answer", rev.offer_answer)
            answer_date = vals.get("offer_answer_date", rev.offer_answer_date)
            offer_date = vals.get("offer_date", rev.offer_date)
            try:
                cc.check_offer_answer(answer or None, fields.Date.to_date(answer_date) or None,
                                      fields.Date.to_date(offer_date) or None, today)
            except cc.InputError as err:
                raise ValidationError(render_msg(self.env, err.msg)) from None

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("offer_state", "none") != "none" or vals.get("offer_current_snapshot"):
                    raise UserError(_("A renewal review starts without an offer: send it with the button."))
                self.browse()._hrcr_check_offer_answer(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if {"offer_state", "offer_current_snapshot"} & set(vals):
                raise UserError(_("The renewal offer changes only through its buttons (send the offer, record "
                                  "the answer)."))
            if self._HRCR_OFFER_FIELDS & set(vals):
                frozen = self.filtered(lambda rev: rev.offer_state == "answered" or rev.decision_date)
                if frozen:
                    raise UserError(_(
                        "The renewal offer and the employee's answer of review %(name)s are recorded and frozen "
                        "(LCL 46(5): they are the evidence of the expiry ground).", name=frozen[0].display_name))
                sent = self.filtered(lambda rev: rev.offer_state == "offered")
                if sent and self._HRCR_OFFER_TERMS & set(vals):
                    raise UserError(_(
                        "The renewal offer of review %(name)s was handed to the employee: its terms are those of "
                        "the letter. Withdraw the offer to correct them.", name=sent[0].display_name))
                self._hrcr_check_offer_answer(vals)
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _hrcr_check_offer_open(self, state):
        self.ensure_one()
        if self.decision_date:
            raise UserError(_("Renewal review %(name)s is decided and locked.", name=self.display_name))
        if self.offer_state != state:
            raise UserError(_("This action does not apply to a renewal offer in state %(state)s.",
                              state=dict(self._fields["offer_state"]._description_selection(self.env))[
                                  self.offer_state]))

    def action_send_offer(self):
        """Record that the written renewal offer (续订劳动合同意向书) was handed over: the current terms are
        snapshotted and the offer goes to state Offered."""
        self.check_access("write")
        for rev in self:
            rev._hrcr_check_offer_open("none")
            offered = rev._hrcr_offer_filled()
            if offered["offer_wage"] <= 0:
                raise UserError(_("%(field)s must be more than zero.",
                                  field=rev._fields["offer_wage"]._description_string(self.env)))
            if not rev.offer_open_ended and offered["offer_term_months"] <= 0:
                raise UserError(_("%(field)s must be at least one month, or tick %(open)s.",
                                  field=rev._fields["offer_term_months"]._description_string(self.env),
                                  open=rev._fields["offer_open_ended"]._description_string(self.env)))
            vals = dict(offered, offer_current_snapshot=rev._hrcr_offer_current_values(), offer_state="offered",
                        offer_date=rev.offer_date or fields.Date.context_today(rev))
            rev._hrcr_check_offer_answer(vals)
            # sudo: the offer state is written only here, after the checks above; sudo keeps the uid for tracking
            rev.sudo().write(vals)
            labels = dict(rev._fields["offer_classification"]._description_selection(self.env))
            rev.message_post(body=_("Renewal offer sent on %(date)s: %(classification)s.\n%(differences)s",
                                    date=rev.offer_date, classification=labels.get(rev.offer_classification, ""),
                                    differences=rev.offer_differences or ""))
        return True

    def action_record_answer(self):
        """Record the employee's written answer; the offer and the answer are frozen from then on."""
        self.check_access("write")
        for rev in self:
            rev._hrcr_check_offer_open("offered")
            if not rev.offer_answer:
                raise UserError(_("%(field)s is required to record the answer.",
                                  field=rev._fields["offer_answer"]._description_string(self.env)))
            rev._hrcr_check_offer_answer()
            rev.sudo().write({"offer_state": "answered"})  # sudo: checked transition (offer state)
            grounds = dict(rev._fields["offer_expiry_ground"]._description_selection(self.env))
            answers = dict(rev._fields["offer_answer"]._description_selection(self.env))
            rev.message_post(body=_("Employee's written answer of %(date)s: %(answer)s. Expiry ground: %(ground)s.",
                                    date=rev.offer_answer_date, answer=answers[rev.offer_answer],
                                    ground=grounds.get(rev.offer_expiry_ground) or _("renewed")))
        return True

    def action_withdraw_offer(self):
        """Withdraw an offer not answered yet (a wrong letter, new terms): the letter handed over is void, the
        review goes back to no offer, and the chatter keeps what was withdrawn."""
        self.check_access("write")
        for rev in self:
            rev._hrcr_check_offer_open("offered")
            withdrawn = _("Renewal offer of %(date)s withdrawn before any answer: the letter handed over is void; "
                          "a new offer needs a new letter.\n%(differences)s",
                          date=rev.offer_date, differences=rev.offer_differences or "")
            # sudo: the offer state is written only by the offer's buttons, after the check above
            rev.sudo().write({"offer_state": "none", "offer_current_snapshot": False, "offer_date": False,
                              "offer_answer": False, "offer_answer_date": False,
                              "offer_answer_attachment_ids": [Command.clear()]})
            rev.message_post(body=withdrawn)
        return True

    def action_print_offer(self):
        return self.env.ref("hr_contract_risk.action_report_renewal_offer").report_action(self)

    # ------------------------------------------------------------------
    # Severance defaults
    # ------------------------------------------------------------------

    def _hrcr_severance_context(self):
        """The severance wizard defaults to the expiry ground the offer and answer give (LCL 46(5)), unless the
        decision overrode a legal block (unlawful: 2N)."""
        context = super()._hrcr_severance_context()
        if not self.override_used and self.offer_expiry_ground:
            context["default_termination_ground"] = self.offer_expiry_ground
        return context
