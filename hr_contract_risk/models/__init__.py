from . import res_company
from . import res_config_settings
from . import hr_contract_expiry_alert
from . import hr_contract
from . import hr_employee
