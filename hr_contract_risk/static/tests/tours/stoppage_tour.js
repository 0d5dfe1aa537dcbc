/** @odoo-module **/
// Archive an employee through the departure wizard -> social-insurance stoppage -> leaver checklist.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hr_contract_risk_stoppage_tour", {
    steps: () => [
        {
            content: "Employee form is open",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
        },
        {
            content: "Open the actions menu",
            trigger: ".o_form_view .o_cp_action_menus button",
            run: "click",
        },
        {
            content: "Archive the employee",
            trigger: ".o_menu_item:contains('Archive')",
            run: "click",
        },
        {
            content: "Departure wizard: choose the departure reason",
            trigger: ".modal .o_field_widget[name='departure_reason_id'] input",
            run: "edit Contract expired, not renewed",
        },
        {
            content: "Pick 'not renewed by the company'",
            trigger: ".ui-autocomplete .ui-menu-item a:contains('not renewed by the company')",
            run: "click",
        },
        {
            content: "Register the departure",
            trigger: ".modal button[name='action_register_departure_and_stoppage']",
            run: "click",
        },
        {
            content: "Stoppage wizard opens",
            trigger: ".modal .o_field_widget[name='stoppage_reason'] select",
        },
        {
            content: "The reason derived from the departure reason has its local code in the city",
            trigger: ".modal .o_field_widget[name='local_code']:contains('SH-1')",
        },
        {
            content: "Eligible for 12 months of unemployment benefit",
            trigger: ".modal .o_field_widget[name='max_benefit_months']:contains('12')",
        },
        {
            content: "Confirm the stoppage",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The leaver checklist lists the agency report",
            trigger: ".o_form_view .o_field_widget[name='item_ids'] .o_data_row:contains('Report the leaver')",
        },
        {
            content: "and the personnel file and insurance transfer",
            trigger: ".o_form_view .o_field_widget[name='item_ids'] .o_data_row:contains('Transfer the personnel file')",
        },
        {
            content: "The checklist is in progress",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('In progress')",
        },
    ],
});
