from . import hr_attrition_whatif
