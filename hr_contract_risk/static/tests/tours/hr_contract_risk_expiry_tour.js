/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// HR opens Employees > Employees > Contracts, keeps the contracts expiring within 30 days,
// opens one and finds its expiry alert.
registry.category("web_tour.tours").add("hr_contract_risk_expiry_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Employees app",
            trigger: ".o_app[data-menu-xmlid='hr.menu_hr_root']",
            run: "click",
        },
        {
            content: "Open the Employees menu",
            trigger: ".o_main_navbar [data-menu-xmlid='hr.menu_hr_employee_payroll']",
            run: "click",
        },
        {
            content: "Open Contracts",
            trigger: ".dropdown-item[data-menu-xmlid='hr_contract.hr_menu_contract']",
            run: "click",
        },
        {
            content: "Open the search options",
            trigger: ".o_control_panel_actions .o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Filter: expiring in 30 days",
            trigger: ".o_filter_menu .dropdown-item:contains('Expiring in 30 days')",
            run: "click",
        },
        {
            content: "The filter is applied",
            trigger: ".o_searchview_facet:contains('Expiring in 30 days')",
        },
        {
            content: "Close the search options",
            trigger: ".o_control_panel_actions .o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Unfold the running contracts",
            trigger: ".o_group_header:contains('Running')",
            run: "click",
        },
        {
            content: "Open the expiring contract",
            trigger: ".o_data_row td[name='name']:contains('Tour Expiry Contract')",
            run: "click",
        },
        {
            content: "The contract shows its alerts",
            trigger: ".o_form_view .oe_stat_button:contains('Expiry Alerts')",
        },
        {
            content: "Open the Expiry Alerts tab",
            trigger: ".o_notebook .nav-link:contains('Expiry Alerts')",
            run: "click",
        },
        {
            content: "The 30-day alert is listed",
            trigger: ".o_field_widget[name='expiry_alert_ids'] .o_data_row td[name='stage_days']:contains('30')",
        },
    ],
});
