#include "ll-csv.h"
