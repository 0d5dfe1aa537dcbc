from . import test_stoppage
from . import test_stoppage_tour
