#!/usr/bin/env python3
"""Consistency check of the heldout3 and heldout3-trap query sets (run from anywhere)."""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from heldout_check import check_orig, check_set, finish  # noqa: E402

check_set('heldout3', r'g\d{3}', [f'g{i:03d}' for i in range(1, 81)],
          {'keyword': 10, 'oneline': 14, 'long': 16, 'colloquial': 10, 'typo': 10,
           'sv': 6, 'en': 6, 'constraint': 8}, 3, 14)
check_orig('heldout3')
check_set('heldout3-trap', r'y\d{3}', [f'y{i:03d}' for i in range(1, 31)],
          {'negation': 5, 'context': 5, 'baseform': 5, 'rareword': 5, 'pastgoal': 5,
           'implied': 5}, 3, 14, notin=True, notin_max=4)
finish()
