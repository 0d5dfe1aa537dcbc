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
        "data/hr_contract_risk_expiry_data.xml",
        "views/hr_contract_expiry_alert_views.xml",
        "views/hr_contract_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_contract_risk_menus.xml",
        "views/hr_contract_risk_expiry_menus.xml",
    ],
    "demo": [
        "demo/hr_contract_risk_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hr_contract_risk/static/tests/tours/*.js",
        ],
    },
    "application": False,
    "installable": True,
}
