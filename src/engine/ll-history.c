#include "ll-history.h"
