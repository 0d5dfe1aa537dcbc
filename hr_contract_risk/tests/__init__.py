from . import test_severance
from . import test_severance_concurrency
from . import test_severance_tour
