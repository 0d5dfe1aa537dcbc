from . import test_i18n
from . import test_stoppage
from . import test_stoppage_tour
