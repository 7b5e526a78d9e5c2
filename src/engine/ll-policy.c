#include "ll-policy.h"
