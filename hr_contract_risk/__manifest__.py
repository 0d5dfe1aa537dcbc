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
        "data/hr_severance_data.xml",
        "report/hr_severance_report.xml",
        "views/hr_labour_region_views.xml",
        "views/hr_wage_history_views.xml",
        "views/hr_severance_views.xml",
        "wizard/hr_severance_wizard_views.xml",
        "wizard/hr_severance_register_wizard_views.xml",
        "views/hr_contract_severance_views.xml",
        "views/res_config_settings_severance_views.xml",
        "views/hr_contract_risk_menus.xml",
        "views/hr_severance_menus.xml",
    ],
    "demo": [
        # TODO(integration): the base demo "demo/hr_contract_risk_demo.xml" (feat/expiry) must be listed first
        "demo/hr_contract_risk_severance_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hr_contract_risk/static/tests/tours/*.js",
        ],
    },
    "application": False,
    "installable": True,
}
