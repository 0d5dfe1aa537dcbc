{
    "name": "Contract Risk (PRC)",
    "summary": "Contract-expiry alerts, quantified appraisals, lawful renewal reviews, "
    "PRC severance with journal entries, social-insurance stoppage and attrition risk",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Contracts",
    "license": "LGPL-3",
    "author": "hr_contract_risk developers",
    "website": "https://github.com/hr-contract-risk/hr_contract_risk",
    "maintainers": [],
    "depends": ["hr_contract", "hr_holidays", "account", "mail"],
    "external_dependencies": {"python": ["sklearn", "numpy", "xlsxwriter"]},
    "data": [
        "security/hr_contract_risk_security.xml",
        "security/ir.model.access.csv",
        "data/hr_contract_risk_appraisal_data.xml",
        "views/hr_kpi_template_views.xml",
        "views/hr_kpi_appraisal_views.xml",
        "views/hr_talk_log_views.xml",
        "views/hr_contract_renewal_review_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
        "report/hr_contract_renewal_review_report.xml",
        "views/hr_contract_risk_menus.xml",
        "views/hr_contract_risk_appraisal_menus.xml",
    ],
    "demo": [
        # TODO(integration): after feat/expiry's demo/hr_contract_risk_demo.xml (base records)
        "demo/hr_contract_risk_appraisal_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hr_contract_risk/static/tests/tours/*.js",
        ],
    },
    "application": False,
    "installable": True,
}
