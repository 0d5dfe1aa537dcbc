from . import test_attrition
