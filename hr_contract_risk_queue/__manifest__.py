{
    "name": "Contract Risk (PRC): queue_job bridge",
    "summary": "Spread the daily contract-risk runs over several workers with OCA queue_job",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Contracts",
    "license": "LGPL-3",
    "author": "hr_contract_risk developers",
    "website": "https://github.com/hr-contract-risk/hr_contract_risk",
    "depends": ["hr_contract_risk", "queue_job"],
    "data": ["data/queue_job_data.xml"],
    "auto_install": True,
    "installable": True,
}
