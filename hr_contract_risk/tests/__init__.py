from . import test_appraisal
from . import test_decline_alert
from . import test_renewal_review
from . import test_renewal_review_tour
