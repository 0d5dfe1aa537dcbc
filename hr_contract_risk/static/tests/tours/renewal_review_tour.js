/** @odoo-module **/

import { registry } from "@web/core/registry";

// Walks a renewal review through its three steps (Who / Evaluation / Decision)
// and records a lawful decision. Started on the review's form by the test.
registry.category("web_tour.tours").add("hr_contract_risk_renewal_review_tour", {
    steps: () => [
        {
            content: "Step 1 (Who): the contract history is shown",
            trigger: "div[name='step_who'] .o_field_widget[name='fixed_term_count']",
        },
        {
            content: "Record the employee's wish: asks to renew",
            trigger: "div[name='step_who'] .o_field_widget[name='employee_wish'] select",
            run: "selectByLabel Asks or agrees to renew",
        },
        {
            content: "Go to step 2 (Evaluation)",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_next_step']:contains('Evaluation')",
            run: "click",
        },
        {
            content: "Step 2 shows the legal findings with articles",
            trigger: "div[name='step_evaluation'] .o_field_widget[name='legal_findings_html']:contains('14(3)')",
        },
        {
            content: "Go to step 3 (Decision)",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_next_step']:contains('Decision')",
            run: "click",
        },
        {
            content: "Choose to renew as an open-ended contract",
            trigger: "div[name='step_decision'] .o_field_widget[name='decision'] select",
            run: "selectByLabel Renew as an open-ended contract",
        },
        {
            content: "Write the reason",
            trigger: "div[name='step_decision'] .o_field_widget[name='decision_reason'] textarea",
            run: "edit Entitled under Art. 14(3) and asked to renew; keeps the client portfolio.",
        },
        {
            content: "Record the decision",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_decide']",
            run: "click",
        },
        {
            content: "The review is decided and locked",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Decided')",
        },
    ],
});
