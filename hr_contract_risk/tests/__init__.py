from . import test_i18n
from . import test_stoppage
from . import test_stoppage_tour
from . import test_severance
from . import test_severance_concurrency
from . import test_severance_tour
