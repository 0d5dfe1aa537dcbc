from . import labour_contract
