#!/bin/sh
# A container has no init system: packages must not start their services while being installed.
exit 101
