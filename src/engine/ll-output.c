#include "ll-output.h"
