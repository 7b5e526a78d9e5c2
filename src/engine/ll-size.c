#include "ll-size.h"
