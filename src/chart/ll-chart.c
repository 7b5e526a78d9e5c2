#include "ll-chart.h"
