from . import res_company
from . import res_config_settings
from . import hr_departure_reason
from . import hr_contract
from . import hr_si_city_mapping
from . import hr_si_stoppage
from . import hr_si_stoppage_item
from . import mail_activity
