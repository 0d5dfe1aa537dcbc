from . import hr_si_stoppage_wizard
from . import hr_departure_wizard
from . import hr_severance_wizard
from . import hr_severance_register_wizard
from . import hr_kpi_appraisal_acknowledge
from . import hr_attrition_whatif
from . import hr_labour_cost_export
from . import hr_severance_wizard_offer
