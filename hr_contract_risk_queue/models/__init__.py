from . import hrcr_queue
from . import hr_contract_expiry_alert
from . import hr_attrition_score
from . import hr_kpi_decline_alert
from . import hr_kpi_forecast
