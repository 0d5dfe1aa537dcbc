/** @odoo-module **/

import { registry } from "@web/core/registry";
import { formatDate } from "@web/core/l10n/dates";

const { DateTime } = luxon;

const daysAgo = (days) => formatDate(DateTime.now().minus({ days }));

// From the renewal review: offer a lower wage, see it classified as worse terms with the difference,
// send the offer, record the employee's dated refusal and see the expiry ground it gives (LCL 46(5):
// declining worse terms still owes N). Started on the review's form by the test.
registry.category("web_tour.tours").add("hr_contract_risk_renewal_offer_tour", {
    steps: () => [
        {
            content: "The current terms come from the contract",
            trigger: "div[name='step_offer'] .o_field_widget[name='offer_current_wage']:contains('10,000.00')",
        },
        {
            content: "Offer a lower wage",
            trigger: "div[name='step_offer'] .o_field_widget[name='offer_wage'] input",
            run: "edit 9000",
        },
        {
            content: "The offer was handed over two days ago",
            trigger: "div[name='step_offer'] .o_field_widget[name='offer_date'] input",
            run: `edit ${daysAgo(2)} && press Enter`,
        },
        {
            content: "The offered terms are worse",
            trigger: "div[name='step_offer'] .o_field_widget[name='offer_classification']:contains('Worse terms')",
        },
        {
            content: "The difference is shown",
            trigger: "div[name='step_offer'] .o_field_widget[name='offer_differences']:contains('Wage 10000.00 -> 9000.00')",
        },
        {
            content: "Send the renewal offer",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_send_offer']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The offer is sent",
            trigger: "div[name='step_offer'] .o_field_widget[name='offer_state']:contains('Offered')",
        },
        {
            content: "The employee declines",
            trigger: "div[name='step_offer'] .o_field_widget[name='offer_answer'] select",
            run: "selectByLabel Declines the renewal",
        },
        {
            content: "The date of the written answer",
            trigger: "div[name='step_offer'] .o_field_widget[name='offer_answer_date'] input",
            run: `edit ${daysAgo(1)} && press Enter`,
        },
        {
            content: "Record the answer",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_record_answer']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The answer is recorded",
            trigger: "div[name='step_offer'] .o_field_widget[name='offer_state']:contains('Answered')",
        },
        {
            content: "Declining worse terms still owes N (LCL 46(5))",
            trigger: "div[name='step_offer'] .o_field_widget[name='offer_expiry_ground']:contains('employer offered worse terms, employee refused')",
        },
    ],
});
