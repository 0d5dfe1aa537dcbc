from . import hr_severance_wizard
from . import hr_severance_register_wizard
