from . import res_company
from . import res_config_settings
from . import hr_attrition_data
from . import hr_attrition_model
from . import hr_attrition_score
from . import hr_employee
