/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Main flow of the attrition risk: Employees > Contract Risk > Attrition Risk,
// list sorted by risk, kanban, open a score and read its reasons.
registry.category("web_tour.tours").add("hr_contract_risk_attrition_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Employees",
            trigger: ".o_app[data-menu-xmlid='hr.menu_hr_root']",
            run: "click",
        },
        {
            content: "Open the Contract Risk menu",
            trigger: "button[data-menu-xmlid='hr_contract_risk.menu_contract_risk_root']",
            run: "click",
        },
        {
            content: "Open Attrition Risk",
            trigger: "a[data-menu-xmlid='hr_contract_risk.menu_hr_attrition_score']",
            run: "click",
        },
        {
            content: "The employee is listed with his risk",
            trigger: ".o_list_view .o_data_row:contains('Tour Risk Employee')",
        },
        {
            content: "Switch to kanban",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "Open the employee's score",
            trigger: ".o_kanban_record:contains('Tour Risk Employee')",
            run: "click",
        },
        {
            content: "The reasons are shown in words",
            trigger: ".o_form_view .o_field_widget[name='factors']:contains('contract ends in 20 days')",
        },
        {
            content: "The rule-based score is labelled",
            trigger: ".o_form_view .o_field_widget[name='model_label']:contains('Rule-based score')",
        },
    ],
});
