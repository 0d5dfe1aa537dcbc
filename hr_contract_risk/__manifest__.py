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
        "views/hr_contract_risk_menus.xml",
        "data/hr_attrition_cron.xml",
        "views/hr_attrition_score_views.xml",
        "views/hr_attrition_model_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/hr_attrition_whatif_views.xml",
    ],
    "demo": [],
    "assets": {
        "web.assets_tests": [
            "hr_contract_risk/static/tests/tours/*.js",
        ],
    },
    "application": False,
    "installable": True,
}
