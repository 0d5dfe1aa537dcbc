/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import { formatDate } from "@web/core/l10n/dates";

const { DateTime } = luxon;

// HR opens Employees > Employees > Unsigned contracts, finds the new hire's to-do (LCL 10, 82),
// opens the contract from the employee, enters the signing date and saves: the to-do is closed.
registry.category("web_tour.tours").add("hr_contract_risk_unsigned_contract_tour", {
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
            content: "Open Unsigned contracts",
            trigger: ".dropdown-item[data-menu-xmlid='hr_contract_risk.menu_hrcr_unsigned_contracts']",
            run: "click",
        },
        {
            content: "The new hire is listed with the double-wage exposure column (LCL 82)",
            trigger: ".o_list_view th[data-name='hrcr_double_wage_exposure']",
        },
        {
            content: "Open the new hire",
            trigger: ".o_data_row td[name='name']:contains('Tour Unsigned Employee')",
            run: "click",
        },
        {
            content: "The unsigned-contract to-do is on the employee",
            trigger: ".o-mail-Activity:contains('No signed contract 15 days after hire')",
        },
        {
            content: "Open the employee's contract",
            trigger: ".o_form_view button[name='action_open_contract']",
            run: "click",
        },
        {
            content: "Open the Compliance tab",
            trigger: ".o_form_view .o_notebook .nav-link:contains('Compliance')",
            run: "click",
        },
        {
            content: "Enter the signing date (yesterday)",
            trigger: ".o_field_widget[name='hrcr_signing_date'] input",
            run: `edit ${formatDate(DateTime.now().minus({ days: 1 }))} && press Enter`,
        },
        {
            content: "The contract shows as signed",
            trigger: ".o_field_widget[name='hrcr_is_signed'] input:checked",
        },
        {
            content: "Save the contract",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Back to the employee",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Tour Unsigned Employee')",
            run: "click",
        },
        {
            content: "The to-do is done: the written contract is signed",
            trigger: ".o-mail-Message:contains('Written contract signed.')",
        },
    ],
});
