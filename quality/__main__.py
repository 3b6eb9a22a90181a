import sys

from quality.interrupts import command

sys.exit(command())
