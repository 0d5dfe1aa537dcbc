/** @odoo-module **/
/* Severance flow: contract -> Severance -> fill -> confirm -> open the journal entry. */

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hr_contract_risk_severance_tour", {
    steps: () => [
        {
            content: "The contract form is open: click Severance",
            trigger: ".o_form_view .o_statusbar_buttons button.o_hrcr_severance_button",
            run: "click",
        },
        {
            content: "The wizard is prefilled from the wage history",
            trigger: ".modal .o_field_widget[name=wage_info]:contains('monthly wage lines')",
        },
        {
            content: "Choose the ground: fixed-term expiry, employer does not renew",
            trigger: ".modal .o_field_widget[name=termination_ground] select",
            run: 'select "expiry_not_renewed"',
        },
        {
            content: "Leave days taken this year",
            trigger: ".modal .o_field_widget[name=leave_days_taken] input",
            run: "edit 5",
        },
        {
            content: "The breakdown cites the articles",
            trigger: ".modal .o_hrcr_breakdown:contains('LCL Art. 46(5)')",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The severance is confirmed",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Confirmed')",
        },
        {
            content: "Open the journal entry",
            trigger: ".o_form_view button[name=action_open_move]",
            run: "click",
        },
        {
            content: "The draft journal entry is shown",
            trigger: ".o_form_view .o_field_widget[name=ref]:contains('Severance'), .o_form_view .o_field_widget[name=ref] input",
        },
        {
            content: "It is a draft",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Draft')",
        },
    ],
});
