/** @odoo-module **/

import { registry } from "@web/core/registry";

// A plain employee asked for 360 feedback (issue 10 point 7): from "360 Feedback to Give",
// rates every competency, writes a comment and submits. Started by the test as the peer.
registry.category("web_tour.tours").add("hr_contract_risk_peer_feedback_tour", {
    steps: () => [
        {
            content: "The request is listed in 360 Feedback to Give",
            trigger: ".o_list_view .o_data_row .o_data_cell[name='employee_id']:contains('王伟')",
            run: "click",
        },
        {
            content: "Rate the first competency",
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_data_row:first-child .o_data_cell[name='rating']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_data_row.o_selected_row .o_field_widget[name='rating'] select",
            run: "selectByLabel 4 - Above expectations",
        },
        {
            content: "Write a comment",
            trigger: ".o_form_view .o_field_widget[name='comment'] textarea",
            run: "edit Helpful colleague, shares client leads.",
        },
        {
            content: "Submit the feedback",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_submit']",
            run: "click",
        },
        {
            content: "Submitted: the status bar says so and Submit is gone",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Submitted')",
        },
        {
            trigger: ".o_form_view:not(:has(.o_statusbar_buttons button[name='action_submit']))",
        },
    ],
});
