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
    "external_dependencies": {"python": ["scikit-learn", "numpy", "xlsxwriter"]},
    "data": [
        "security/hr_contract_risk_security.xml",
        "security/ir.model.access.csv",
        "data/hr_si_stoppage_data.xml",
        "views/hr_contract_risk_menus.xml",
        "views/hr_si_city_mapping_views.xml",
        "views/hr_si_stoppage_views.xml",
        "views/hr_departure_reason_views.xml",
        "views/res_config_settings_views.xml",
        "report/hr_si_stoppage_reports.xml",
        "wizard/hr_si_stoppage_wizard_views.xml",
        "wizard/hr_departure_wizard_views.xml",
    ],
    "demo": [
        "demo/hr_contract_risk_stoppage_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hr_contract_risk/static/tests/tours/*.js",
        ],
    },
    "application": False,
    "installable": True,
}
