from . import hr_si_stoppage_wizard
from . import hr_departure_wizard
