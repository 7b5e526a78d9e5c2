#include "ll-run-config.h"
