{
    "name": "Contract Risk (PRC): eLearning bridge",
    "summary": "Offer the eLearning app's courses in the training recommendation; a completed course is the training done",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Contracts",
    "license": "LGPL-3",
    "author": "hr_contract_risk developers",
    "website": "https://github.com/hr-contract-risk/hr_contract_risk",
    "depends": ["hr_contract_risk", "hr_skills_slides"],
    "data": [
        "views/slide_channel_views.xml",
        "views/hr_training_record_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
