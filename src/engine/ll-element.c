#include "ll-element.h"
