#include "ll-mem.h"
