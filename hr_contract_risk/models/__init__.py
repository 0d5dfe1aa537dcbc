from . import res_company
from . import res_config_settings
from . import hr_department
from . import hr_labour_region
from . import hr_wage_history
from . import hr_severance_mixin
from . import hr_severance
from . import account_move
