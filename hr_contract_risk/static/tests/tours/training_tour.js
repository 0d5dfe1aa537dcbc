/** @odoo-module **/

import { registry } from "@web/core/registry";
import { formatDate } from "@web/core/l10n/dates";

const { DateTime } = luxon;

const daysAgo = (days) => formatDate(DateTime.now().minus({ days }));

// Issue 12, as an HR officer: from the employee, the ranked training recommendation with its reason;
// "Offer training" opens the planned training record; the dates, the result and the attendance proof
// (refused without it), then Mark Done; in the renewal review the LCL 40(2) checklist finds the training
// provided and the appraisals still below after it, with the record listed. Started on the employee form.
registry.category("web_tour.tours").add("hr_contract_risk_training_tour", {
    steps: () => [
        {
            content: "Open the training recommendation",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_hrcr_training']",
            run: "click",
        },
        {
            content: "The course answering the weakest KPI comes first, with its reason",
            trigger: ".modal .o_data_row:first-child td[name='course_name']:contains('招商谈判实战技巧')",
        },
        {
            content: "The reason names the KPI and its completion",
            trigger: ".modal .o_data_row:first-child td[name='reason']:contains('招商额完成率')",
        },
        {
            content: "Offer training",
            trigger: ".modal .o_data_row:first-child button[name='action_offer']",
            run: "click",
        },
        {
            content: "The training record is planned",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Planned')",
        },
        {
            content: "It was offered a hundred days ago",
            trigger: ".o_form_view .o_field_widget[name='offer_date'] input",
            run: `edit ${daysAgo(100)} && press Enter`,
        },
        {
            content: "Completed ninety-five days ago",
            trigger: ".o_form_view .o_field_widget[name='done_date'] input",
            run: `edit ${daysAgo(95)} && press Enter`,
        },
        {
            content: "Result: attended",
            trigger: ".o_form_view .o_field_widget[name='result'] select",
            run: "selectByLabel Attended",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Mark done without the attendance proof",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_mark_done']",
            run: "click",
        },
        {
            content: "Refused: the proof is missing",
            trigger: ".modal .modal-body:contains('Attendance proof')",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Attach the sign-in sheet",
            trigger: ".o_form_view .o_field_many2many_binary button.o_attach",
            run() {
                const input = document.querySelector(".o_form_view .o_field_many2many_binary input.o_input_file");
                const files = new DataTransfer();
                files.items.add(new File(["%PDF-1.4 sign-in"], "sign-in.pdf", { type: "application/pdf" }));
                input.files = files.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The proof is attached",
            trigger: ".o_form_view .o_field_many2many_binary .o_attachment:not(.o_attachment_uploading):contains('sign-in')",
        },
        {
            content: "Mark done",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_mark_done']",
            run: "click",
        },
        {
            content: "Done",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
        {
            content: "Its effect: still below target after it",
            trigger: ".o_form_view .o_field_widget[name='effect_summary']:contains('still below target after it')",
        },
        {
            content: "Open the renewal reviews",
            trigger: ".o_menu_sections button:contains('Contract Risk')",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .dropdown-item:contains('Renewal Reviews')",
            run: "click",
        },
        {
            content: "The employee's review",
            trigger: ".o_list_view .o_data_row td:contains('王伟 Training Tour')",
            run: "click",
        },
        {
            content: "LCL 40(2): training provided",
            trigger: ".o_form_view .o_field_widget[name='evidence_checklist_html']:contains('Training provided: 招商谈判实战技巧')",
        },
        {
            content: "LCL 40(2): still below after it",
            trigger: ".o_form_view .o_field_widget[name='evidence_checklist_html']:contains('2 confirmed appraisal(s) after it')",
        },
        {
            content: "The training record is linked",
            trigger: ".o_form_view .o_field_widget[name='training_record_ids'] td:contains('招商谈判实战技巧')",
        },
    ],
});
