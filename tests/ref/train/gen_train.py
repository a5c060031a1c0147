#!/usr/bin/python3
"""Regenerate the training reference logs and parameters in tests/ref/train/.

Run by hand only (the test suite never runs Python):

    cd tests/ref/train && /usr/bin/python3 gen_train.py

Same requirements as ../gen.py: Debian's numpy 1.24.2 (python3-numpy) on
Debian's *reference* BLAS, x86-64 with AVX2 and without AVX512F.  The nnfs
package is not needed: the nnfs.init() shim, spiral_data() and the text
format come from ../gen.py (imported, not changed); sine_data() is copied
from nnfs/datasets/sine.py below.

The classes are the final versions of the nnfs book's chapters 10 to 18,
written as the book writes them (only the weight scale of Layer_Dense is a
parameter: 0.01 in chapters 10-16, 0.1 in the regression chapter 17).
See README.md for what each file holds and for every float64 that sneaks in.
"""

import os
import sys
import time

import numpy as np

OUT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(OUT))
sys.dont_write_bytecode = True     # leave no __pycache__ in tests/ref

from gen import (nnfs_init, nnfs_uninit, spiral_data,  # noqa: E402
                 fmt32, fmt64, fmtint, lines_of)


# ---------------------------------------------------------------------------
# nnfs/datasets/sine.py, verbatim
# ---------------------------------------------------------------------------

def sine_data(samples=1000):
    X = np.arange(samples).reshape(-1, 1) / samples
    y = np.sin(2 * np.pi * X).reshape(-1, 1)
    return X, y


# ---------------------------------------------------------------------------
# the book's classes (chapters 10-18)
# ---------------------------------------------------------------------------

class Layer_Dense:

    def __init__(self, n_inputs, n_neurons,
                 weight_regularizer_l1=0, weight_regularizer_l2=0,
                 bias_regularizer_l1=0, bias_regularizer_l2=0,
                 scale=0.01):
        # the book: self.weights = 0.01 * np.random.randn(...) (0.1 in ch. 17)
        self.weights = scale * np.random.randn(n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons))
        self.weight_regularizer_l1 = weight_regularizer_l1
        self.weight_regularizer_l2 = weight_regularizer_l2
        self.bias_regularizer_l1 = bias_regularizer_l1
        self.bias_regularizer_l2 = bias_regularizer_l2

    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.dot(inputs, self.weights) + self.biases

    def backward(self, dvalues):
        self.dweights = np.dot(self.inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)

        if self.weight_regularizer_l1 > 0:
            dL1 = np.ones_like(self.weights)
            dL1[self.weights < 0] = -1
            self.dweights += self.weight_regularizer_l1 * dL1
        if self.weight_regularizer_l2 > 0:
            self.dweights += 2 * self.weight_regularizer_l2 * \
                             self.weights
        if self.bias_regularizer_l1 > 0:
            dL1 = np.ones_like(self.biases)
            dL1[self.biases < 0] = -1
            self.dbiases += self.bias_regularizer_l1 * dL1
        if self.bias_regularizer_l2 > 0:
            self.dbiases += 2 * self.bias_regularizer_l2 * \
                            self.biases

        self.dinputs = np.dot(dvalues, self.weights.T)


class Layer_Dropout:

    def __init__(self, rate):
        self.rate = 1 - rate

    def forward(self, inputs):
        self.inputs = inputs
        self.binary_mask = np.random.binomial(1, self.rate,
                                              size=inputs.shape) / self.rate
        self.output = inputs * self.binary_mask

    def backward(self, dvalues):
        self.dinputs = dvalues * self.binary_mask


class Activation_ReLU:

    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.maximum(0, inputs)

    def backward(self, dvalues):
        self.dinputs = dvalues.copy()
        self.dinputs[self.inputs <= 0] = 0


class Activation_Softmax:

    def forward(self, inputs):
        self.inputs = inputs
        exp_values = np.exp(inputs - np.max(inputs, axis=1,
                                            keepdims=True))
        probabilities = exp_values / np.sum(exp_values, axis=1,
                                            keepdims=True)
        self.output = probabilities

    def backward(self, dvalues):
        self.dinputs = np.empty_like(dvalues)
        for index, (single_output, single_dvalues) in \
                enumerate(zip(self.output, dvalues)):
            single_output = single_output.reshape(-1, 1)
            jacobian_matrix = np.diagflat(single_output) - \
                np.dot(single_output, single_output.T)
            self.dinputs[index] = np.dot(jacobian_matrix,
                                         single_dvalues)


class Activation_Sigmoid:

    def forward(self, inputs):
        self.inputs = inputs
        self.output = 1 / (1 + np.exp(-inputs))

    def backward(self, dvalues):
        self.dinputs = dvalues * (1 - self.output) * self.output


class Activation_Linear:

    def forward(self, inputs):
        self.inputs = inputs
        self.output = inputs

    def backward(self, dvalues):
        self.dinputs = dvalues.copy()


class Optimizer_SGD:

    def __init__(self, learning_rate=1., decay=0., momentum=0.):
        self.learning_rate = learning_rate
        self.current_learning_rate = learning_rate
        self.decay = decay
        self.iterations = 0
        self.momentum = momentum

    def pre_update_params(self):
        if self.decay:
            self.current_learning_rate = self.learning_rate * \
                (1. / (1. + self.decay * self.iterations))

    def update_params(self, layer):
        if self.momentum:
            if not hasattr(layer, 'weight_momentums'):
                layer.weight_momentums = np.zeros_like(layer.weights)
                layer.bias_momentums = np.zeros_like(layer.biases)
            weight_updates = \
                self.momentum * layer.weight_momentums - \
                self.current_learning_rate * layer.dweights
            layer.weight_momentums = weight_updates
            bias_updates = \
                self.momentum * layer.bias_momentums - \
                self.current_learning_rate * layer.dbiases
            layer.bias_momentums = bias_updates
        else:
            weight_updates = -self.current_learning_rate * \
                             layer.dweights
            bias_updates = -self.current_learning_rate * \
                layer.dbiases
        layer.weights += weight_updates
        layer.biases += bias_updates

    def post_update_params(self):
        self.iterations += 1


class Optimizer_Adagrad:

    def __init__(self, learning_rate=1., decay=0., epsilon=1e-7):
        self.learning_rate = learning_rate
        self.current_learning_rate = learning_rate
        self.decay = decay
        self.iterations = 0
        self.epsilon = epsilon

    def pre_update_params(self):
        if self.decay:
            self.current_learning_rate = self.learning_rate * \
                (1. / (1. + self.decay * self.iterations))

    def update_params(self, layer):
        if not hasattr(layer, 'weight_cache'):
            layer.weight_cache = np.zeros_like(layer.weights)
            layer.bias_cache = np.zeros_like(layer.biases)
        layer.weight_cache += layer.dweights**2
        layer.bias_cache += layer.dbiases**2
        layer.weights += -self.current_learning_rate * \
            layer.dweights / \
            (np.sqrt(layer.weight_cache) + self.epsilon)
        layer.biases += -self.current_learning_rate * \
            layer.dbiases / \
            (np.sqrt(layer.bias_cache) + self.epsilon)

    def post_update_params(self):
        self.iterations += 1


class Optimizer_RMSprop:

    def __init__(self, learning_rate=0.001, decay=0., epsilon=1e-7,
                 rho=0.9):
        self.learning_rate = learning_rate
        self.current_learning_rate = learning_rate
        self.decay = decay
        self.iterations = 0
        self.epsilon = epsilon
        self.rho = rho

    def pre_update_params(self):
        if self.decay:
            self.current_learning_rate = self.learning_rate * \
                (1. / (1. + self.decay * self.iterations))

    def update_params(self, layer):
        if not hasattr(layer, 'weight_cache'):
            layer.weight_cache = np.zeros_like(layer.weights)
            layer.bias_cache = np.zeros_like(layer.biases)
        layer.weight_cache = self.rho * layer.weight_cache + \
            (1 - self.rho) * layer.dweights**2
        layer.bias_cache = self.rho * layer.bias_cache + \
            (1 - self.rho) * layer.dbiases**2
        layer.weights += -self.current_learning_rate * \
            layer.dweights / \
            (np.sqrt(layer.weight_cache) + self.epsilon)
        layer.biases += -self.current_learning_rate * \
            layer.dbiases / \
            (np.sqrt(layer.bias_cache) + self.epsilon)

    def post_update_params(self):
        self.iterations += 1


class Optimizer_Adam:

    def __init__(self, learning_rate=0.001, decay=0., epsilon=1e-7,
                 beta_1=0.9, beta_2=0.999):
        self.learning_rate = learning_rate
        self.current_learning_rate = learning_rate
        self.decay = decay
        self.iterations = 0
        self.epsilon = epsilon
        self.beta_1 = beta_1
        self.beta_2 = beta_2

    def pre_update_params(self):
        if self.decay:
            self.current_learning_rate = self.learning_rate * \
                (1. / (1. + self.decay * self.iterations))

    def update_params(self, layer):
        if not hasattr(layer, 'weight_cache'):
            layer.weight_momentums = np.zeros_like(layer.weights)
            layer.weight_cache = np.zeros_like(layer.weights)
            layer.bias_momentums = np.zeros_like(layer.biases)
            layer.bias_cache = np.zeros_like(layer.biases)

        layer.weight_momentums = self.beta_1 * \
            layer.weight_momentums + \
            (1 - self.beta_1) * layer.dweights
        layer.bias_momentums = self.beta_1 * \
            layer.bias_momentums + \
            (1 - self.beta_1) * layer.dbiases
        weight_momentums_corrected = layer.weight_momentums / \
            (1 - self.beta_1 ** (self.iterations + 1))
        bias_momentums_corrected = layer.bias_momentums / \
            (1 - self.beta_1 ** (self.iterations + 1))
        layer.weight_cache = self.beta_2 * layer.weight_cache + \
            (1 - self.beta_2) * layer.dweights**2
        layer.bias_cache = self.beta_2 * layer.bias_cache + \
            (1 - self.beta_2) * layer.dbiases**2
        weight_cache_corrected = layer.weight_cache / \
            (1 - self.beta_2 ** (self.iterations + 1))
        bias_cache_corrected = layer.bias_cache / \
            (1 - self.beta_2 ** (self.iterations + 1))
        layer.weights += -self.current_learning_rate * \
            weight_momentums_corrected / \
            (np.sqrt(weight_cache_corrected) + self.epsilon)
        layer.biases += -self.current_learning_rate * \
            bias_momentums_corrected / \
            (np.sqrt(bias_cache_corrected) + self.epsilon)

    def post_update_params(self):
        self.iterations += 1


class Loss:

    def regularization_loss(self, layer):
        regularization_loss = 0
        if layer.weight_regularizer_l1 > 0:
            regularization_loss += layer.weight_regularizer_l1 * \
                np.sum(np.abs(layer.weights))
        if layer.weight_regularizer_l2 > 0:
            regularization_loss += layer.weight_regularizer_l2 * \
                np.sum(layer.weights * layer.weights)
        if layer.bias_regularizer_l1 > 0:
            regularization_loss += layer.bias_regularizer_l1 * \
                np.sum(np.abs(layer.biases))
        if layer.bias_regularizer_l2 > 0:
            regularization_loss += layer.bias_regularizer_l2 * \
                np.sum(layer.biases * layer.biases)
        return regularization_loss

    def calculate(self, output, y):
        sample_losses = self.forward(output, y)
        data_loss = np.mean(sample_losses)
        return data_loss


class Loss_CategoricalCrossentropy(Loss):

    def forward(self, y_pred, y_true):
        samples = len(y_pred)
        y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        if len(y_true.shape) == 1:
            correct_confidences = y_pred_clipped[range(samples), y_true]
        elif len(y_true.shape) == 2:
            correct_confidences = np.sum(y_pred_clipped * y_true, axis=1)
        negative_log_likelihoods = -np.log(correct_confidences)
        return negative_log_likelihoods

    def backward(self, dvalues, y_true):
        samples = len(dvalues)
        labels = len(dvalues[0])
        if len(y_true.shape) == 1:
            y_true = np.eye(labels)[y_true]
        self.dinputs = -y_true / dvalues
        self.dinputs = self.dinputs / samples


class Activation_Softmax_Loss_CategoricalCrossentropy():

    def __init__(self):
        self.activation = Activation_Softmax()
        self.loss = Loss_CategoricalCrossentropy()

    def forward(self, inputs, y_true):
        self.activation.forward(inputs)
        self.output = self.activation.output
        return self.loss.calculate(self.output, y_true)

    def backward(self, dvalues, y_true):
        samples = len(dvalues)
        if len(y_true.shape) == 2:
            y_true = np.argmax(y_true, axis=1)
        self.dinputs = dvalues.copy()
        self.dinputs[range(samples), y_true] -= 1
        self.dinputs = self.dinputs / samples


class Loss_BinaryCrossentropy(Loss):

    def forward(self, y_pred, y_true):
        y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        sample_losses = -(y_true * np.log(y_pred_clipped) +
                          (1 - y_true) * np.log(1 - y_pred_clipped))
        sample_losses = np.mean(sample_losses, axis=-1)
        return sample_losses

    def backward(self, dvalues, y_true):
        samples = len(dvalues)
        outputs = len(dvalues[0])
        clipped_dvalues = np.clip(dvalues, 1e-7, 1 - 1e-7)
        self.dinputs = -(y_true / clipped_dvalues -
                         (1 - y_true) / (1 - clipped_dvalues)) / outputs
        self.dinputs = self.dinputs / samples


class Loss_MeanSquaredError(Loss):

    def forward(self, y_pred, y_true):
        sample_losses = np.mean((y_true - y_pred)**2, axis=-1)
        return sample_losses

    def backward(self, dvalues, y_true):
        samples = len(dvalues)
        outputs = len(dvalues[0])
        self.dinputs = -2 * (y_true - dvalues) / outputs
        self.dinputs = self.dinputs / samples


class Loss_MeanAbsoluteError(Loss):     # chapter 17, not used by a run

    def forward(self, y_pred, y_true):
        sample_losses = np.mean(np.abs(y_true - y_pred), axis=-1)
        return sample_losses

    def backward(self, dvalues, y_true):
        samples = len(dvalues)
        outputs = len(dvalues[0])
        self.dinputs = np.sign(y_true - dvalues) / outputs
        self.dinputs = self.dinputs / samples


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------

written = []
report = []
dtype_notes = {}        # run -> list of 'name: dtype' that are not float32


def write_text(name, text):
    with open(os.path.join(OUT, name), 'w') as f:
        f.write(text)
    written.append(name)


def write(name, arr, fmt=fmt32):
    arr = np.asarray(arr)
    if fmt is fmt32:
        assert arr.dtype == np.float32, (name, arr.dtype)
    write_text(name, '\n'.join(lines_of(arr, fmt)) + '\n')


def write_column(name, arr, fmt):
    write_text(name, ''.join(fmt(v) + '\n' for v in np.asarray(arr).ravel()))


def augmented(w, b):
    assert w.dtype == np.float32 and b.dtype == np.float32, (w.dtype, b.dtype)
    return np.vstack([w, b])


def fmt_loss(v):
    """The loss as the shortest string that round-trips its own dtype."""
    if isinstance(v, np.float32):
        return np.format_float_positional(v, unique=True, trim='-')
    if isinstance(v, (np.float64, float)):
        return repr(float(v))
    raise TypeError('loss of type %r' % type(v))


def fmt_acc(v):
    assert isinstance(v, np.float64), type(v)
    return repr(float(v))


def fmt_lr(v):
    assert type(v) is float, type(v)
    return repr(v)


def log_line(epoch, acc, loss, lr, data_loss=None, reg_loss=None):
    if data_loss is None:
        return 'epoch: %d, acc: %s, loss: %s, lr: %s' % (
            epoch, fmt_acc(acc), fmt_loss(loss), fmt_lr(lr))
    return 'epoch: %d, acc: %s, loss: %s (data_loss: %s, reg_loss: %s), ' \
        'lr: %s' % (epoch, fmt_acc(acc), fmt_loss(loss), fmt_loss(data_loss),
                    fmt_loss(reg_loss), fmt_lr(lr))


def census(run, when, **objs):
    """Record every value that is not float32 (arrays and numpy scalars)."""
    notes = dtype_notes.setdefault(run, [])
    for oname, obj in objs.items():
        if isinstance(obj, (np.ndarray, np.generic, float, int)):
            items = [(oname, obj)]
        else:
            items = [(oname + '.' + k, v) for k, v in sorted(vars(obj).items())]
        for name, v in items:
            if isinstance(v, np.ndarray):
                if v.dtype != np.float32:
                    line = '%s: %s array' % (name, v.dtype)
                else:
                    continue
            elif isinstance(v, np.generic):
                if v.dtype != np.float32:
                    line = '%s: numpy %s scalar' % (name, v.dtype)
                else:
                    line = '%s: numpy float32 scalar' % name
            elif isinstance(v, float):
                line = '%s: Python float' % name
            else:
                continue
            line = '%s (%s)' % (line, when)
            key = line.split(' (')[0]
            if not any(n.split(' (')[0] == key for n in notes):
                notes.append(line)


def has_reg(layer):
    return (layer.weight_regularizer_l1 > 0 or layer.weight_regularizer_l2 > 0
            or layer.bias_regularizer_l1 > 0 or layer.bias_regularizer_l2 > 0)


# ---------------------------------------------------------------------------
# the training loops
# ---------------------------------------------------------------------------

def train_classifier(name, X, y, dense1, dense2, optimizer, epochs, every,
                     dropout1=None, step0=None, step1=None):
    """Chapters 10-15: Dense, ReLU, [Dropout], Dense, softmax + CCE."""
    activation1 = Activation_ReLU()
    loss_activation = Activation_Softmax_Loss_CategoricalCrossentropy()
    regularized = has_reg(dense1) or has_reg(dense2)
    log = []
    for epoch in range(epochs):
        dense1.forward(X)
        activation1.forward(dense1.output)
        if dropout1 is not None:
            dropout1.forward(activation1.output)
            dense2.forward(dropout1.output)
        else:
            dense2.forward(activation1.output)
        data_loss = loss_activation.forward(dense2.output, y)
        if regularized:
            regularization_loss = \
                loss_activation.loss.regularization_loss(dense1) + \
                loss_activation.loss.regularization_loss(dense2)
            loss = data_loss + regularization_loss
        else:
            # the chapter 10-13 loop: loss is the data loss itself (the
            # chapter 14+ loop adds int 0, which would make it float64)
            loss = data_loss
        predictions = np.argmax(loss_activation.output, axis=1)
        if len(y.shape) == 2:
            y = np.argmax(y, axis=1)
        accuracy = np.mean(predictions == y)
        if not epoch % every:
            if regularized:
                log.append(log_line(epoch, accuracy, loss,
                                    optimizer.current_learning_rate,
                                    data_loss, regularization_loss))
            else:
                log.append(log_line(epoch, accuracy, loss,
                                    optimizer.current_learning_rate))

        loss_activation.backward(loss_activation.output, y)
        dense2.backward(loss_activation.dinputs)
        if dropout1 is not None:
            dropout1.backward(dense2.dinputs)
            activation1.backward(dropout1.dinputs)
        else:
            activation1.backward(dense2.dinputs)
        dense1.backward(activation1.dinputs)

        if epoch == 0:
            census(name, 'epoch 0', dense1=dense1, activation1=activation1,
                   dense2=dense2, loss_activation=loss_activation,
                   data_loss=data_loss, loss=loss, accuracy=accuracy,
                   lr=optimizer.current_learning_rate)
            if regularized:
                census(name, 'epoch 0', regularization_loss=regularization_loss)
            if dropout1 is not None:
                census(name, 'epoch 0', dropout1=dropout1)
            if step0 is not None:
                step0(dense1, activation1, dense2, loss_activation,
                      data_loss, y)

        optimizer.pre_update_params()
        optimizer.update_params(dense1)
        optimizer.update_params(dense2)
        optimizer.post_update_params()

        if epoch == 0:
            census(name, 'after step 1', dense1=dense1, dense2=dense2)
            if step1 is not None:
                step1(dense1, dense2)
    return log


def finish(name, log, *layers):
    write_text(name + '.log', '\n'.join(log) + '\n')
    for i, layer in enumerate(layers, 1):
        write('%s.p%d' % (name, i), augmented(layer.weights, layer.biases))


def spiral_net(n_in=2, n_hidden=64, n_out=3, **reg):
    dense1 = Layer_Dense(n_in, n_hidden, **reg)
    dense2 = Layer_Dense(n_hidden, n_out)
    return dense1, dense2


# ---------------------------------------------------------------------------
# run 1 (+ run 5, the one-step gradients)
# ---------------------------------------------------------------------------

CH10_WANT = {
    0: 'epoch: 0, acc: 0.36, loss: 1.0985943, lr: 0.05',
    100: 'epoch: 100, acc: 0.67, loss: 0.7050227, lr: ',
    10000: 'epoch: 10000, acc: 0.9666666666666667, loss: 0.07405226, '
           'lr: 0.04975126853296942',
}


def run_ch10():
    nnfs_init()
    X, y = spiral_data(100, 3)
    with open(os.path.join(os.path.dirname(OUT), 'spiral-100-3.X')) as f:
        assert f.read() == '\n'.join(lines_of(X, fmt32)) + '\n'
    with open(os.path.join(os.path.dirname(OUT), 'spiral-100-3.y')) as f:
        assert f.read() == ''.join(fmtint(v) + '\n' for v in y)
    report.append('spiral_data(100, 3) equals ../spiral-100-3.X and .y')
    dense1, dense2 = spiral_net()
    optimizer = Optimizer_Adam(learning_rate=0.05, decay=5e-7)

    def step0(dense1, activation1, dense2, loss_activation, data_loss, y):
        write('ch10-step0.p1', augmented(dense1.weights, dense1.biases))
        write('ch10-step0.p2', augmented(dense2.weights, dense2.biases))
        write('ch10-step0.z1', dense1.output)
        write('ch10-step0.a1', activation1.output)
        write('ch10-step0.z2', dense2.output)
        write('ch10-step0.p', loss_activation.output)
        assert isinstance(data_loss, np.float32)
        write('ch10-step0.loss', data_loss)
        write('ch10-step0.dz2', loss_activation.dinputs)
        write('ch10-step0.g2', augmented(dense2.dweights, dense2.dbiases))
        write('ch10-step0.da1', dense2.dinputs)
        write('ch10-step0.dz1', activation1.dinputs)
        write('ch10-step0.g1', augmented(dense1.dweights, dense1.dbiases))

        # the CCE loss backward alone, then the plain softmax backward
        # (full Jacobian per sample) fed with it
        p = loss_activation.output
        cce = Loss_CategoricalCrossentropy()
        cce.backward(p, y)
        assert cce.dinputs.dtype == np.float32
        write('ch10-step0.dp', cce.dinputs)
        sm = Activation_Softmax()
        sm.output = p
        sm.backward(cce.dinputs)
        assert sm.dinputs.dtype == np.float32
        write('softmax-back.out', sm.dinputs)
        d = np.abs(sm.dinputs.astype(np.float64) -
                   loss_activation.dinputs.astype(np.float64))
        report.append('softmax-back.out vs ch10-step0.dz2 (chain rule vs '
                      'combined): %d of %d values differ, max |diff| %.3g'
                      % (np.sum(d != 0), d.size, d.max()))
        census('ch10-step0', 'epoch 0', cce=cce, softmax=sm)

    def step1(dense1, dense2):
        write('ch10-step1.p1', augmented(dense1.weights, dense1.biases))
        write('ch10-step1.p2', augmented(dense2.weights, dense2.biases))

    log = train_classifier('ch10-adam', X, y, dense1, dense2, optimizer,
                           10001, 100, step0=step0, step1=step1)
    bad = []
    for epoch, want in CH10_WANT.items():
        got = log[epoch // 100]
        if not got.startswith(want):
            bad.append('epoch %d: got %r, want %r' % (epoch, got, want))
    if bad:
        sys.exit('gen_train.py: ch10-adam does not match NUMPY.md:\n  ' +
                 '\n  '.join(bad))
    report.append('ch10-adam: epochs 0, 100 and 10000 match NUMPY.md '
                  '(%s | %s | %s)' % (log[0], log[1], log[100]))
    finish('ch10-adam', log, dense1, dense2)


# ---------------------------------------------------------------------------
# run 2: short runs of the same network
# ---------------------------------------------------------------------------

SHORT = [
    ('sgd', {}, lambda: Optimizer_SGD()),
    ('sgd-momentum', {},
     lambda: Optimizer_SGD(learning_rate=1.0, decay=1e-3, momentum=0.9)),
    ('adagrad', {}, lambda: Optimizer_Adagrad(decay=1e-4, epsilon=1e-7)),
    ('rmsprop', {},
     lambda: Optimizer_RMSprop(learning_rate=0.02, decay=1e-5, rho=0.999)),
    ('adam-l2', dict(weight_regularizer_l2=5e-4, bias_regularizer_l2=5e-4),
     lambda: Optimizer_Adam(learning_rate=0.02, decay=5e-7)),
    ('adam-l1', dict(weight_regularizer_l1=5e-4, bias_regularizer_l1=5e-4),
     lambda: Optimizer_Adam(learning_rate=0.02, decay=5e-7)),
]


def run_short():
    for name, reg, make_opt in SHORT:
        nnfs_init()
        X, y = spiral_data(100, 3)
        dense1, dense2 = spiral_net(**reg)
        optimizer = make_opt()
        log = train_classifier(name, X, y, dense1, dense2, optimizer,
                               301, 10)
        finish(name, log, dense1, dense2)

    nnfs_init()
    np.random.seed(7)
    X, y = spiral_data(50, 3)
    write('spiral-50-3-seed7.X', X)
    write_column('spiral-50-3-seed7.y', y, fmtint)
    dense1, dense2 = spiral_net(n_hidden=16)
    optimizer = Optimizer_Adam(learning_rate=0.05, decay=5e-7)
    log = train_classifier('seed7-adam', X, y, dense1, dense2, optimizer,
                           301, 10)
    finish('seed7-adam', log, dense1, dense2)


# ---------------------------------------------------------------------------
# run 3: binary logistic regression (chapter 16)
# ---------------------------------------------------------------------------

def run_bce():
    name = 'bce'
    nnfs_init()
    X, y = spiral_data(100, 2)
    write('spiral-100-2.X', X)
    write_column('spiral-100-2.y', y, fmtint)
    y = y.reshape(-1, 1)
    dense1 = Layer_Dense(2, 64, weight_regularizer_l2=5e-4,
                         bias_regularizer_l2=5e-4)
    activation1 = Activation_ReLU()
    dense2 = Layer_Dense(64, 1)
    activation2 = Activation_Sigmoid()
    loss_function = Loss_BinaryCrossentropy()
    optimizer = Optimizer_Adam(decay=5e-7)
    log = []
    for epoch in range(301):
        dense1.forward(X)
        activation1.forward(dense1.output)
        dense2.forward(activation1.output)
        activation2.forward(dense2.output)
        data_loss = loss_function.calculate(activation2.output, y)
        regularization_loss = \
            loss_function.regularization_loss(dense1) + \
            loss_function.regularization_loss(dense2)
        loss = data_loss + regularization_loss
        predictions = (activation2.output > 0.5) * 1
        accuracy = np.mean(predictions == y)
        if not epoch % 10:
            log.append(log_line(epoch, accuracy, loss,
                                optimizer.current_learning_rate,
                                data_loss, regularization_loss))
        loss_function.backward(activation2.output, y)
        activation2.backward(loss_function.dinputs)
        dense2.backward(activation2.dinputs)
        activation1.backward(dense2.dinputs)
        dense1.backward(activation1.dinputs)
        if epoch == 0:
            census(name, 'epoch 0', dense1=dense1, activation1=activation1,
                   dense2=dense2, activation2=activation2,
                   loss_function=loss_function, data_loss=data_loss,
                   regularization_loss=regularization_loss, loss=loss,
                   accuracy=accuracy, lr=optimizer.current_learning_rate)
            write('bce-step0.s', activation2.output)
            write('bce-step0.loss', data_loss)
            write('bce-step0.ds', loss_function.dinputs)
            write('bce-step0.dz2', activation2.dinputs)
            write('bce-step0.g2', augmented(dense2.dweights, dense2.dbiases))
            write('bce-step0.g1', augmented(dense1.dweights, dense1.dbiases))
        optimizer.pre_update_params()
        optimizer.update_params(dense1)
        optimizer.update_params(dense2)
        optimizer.post_update_params()
        if epoch == 0:
            census(name, 'after step 1', dense1=dense1, dense2=dense2)
    finish(name, log, dense1, dense2)


# ---------------------------------------------------------------------------
# run 4: regression (chapter 17)
# ---------------------------------------------------------------------------

def run_sine():
    name = 'sine'
    nnfs_init()
    X, y = sine_data()
    assert X.dtype == np.float64 and y.dtype == np.float64
    write_column('sine.X', X, fmt64)
    write_column('sine.y', y, fmt64)
    dense1 = Layer_Dense(1, 64, scale=0.1)
    activation1 = Activation_ReLU()
    dense2 = Layer_Dense(64, 64, scale=0.1)
    activation2 = Activation_ReLU()
    dense3 = Layer_Dense(64, 1, scale=0.1)
    activation3 = Activation_Linear()
    loss_function = Loss_MeanSquaredError()
    optimizer = Optimizer_Adam(learning_rate=0.005, decay=1e-3)
    accuracy_precision = np.std(y) / 250
    log = []
    for epoch in range(301):
        dense1.forward(X)
        activation1.forward(dense1.output)
        dense2.forward(activation1.output)
        activation2.forward(dense2.output)
        dense3.forward(activation2.output)
        activation3.forward(dense3.output)
        data_loss = loss_function.calculate(activation3.output, y)
        regularization_loss = \
            loss_function.regularization_loss(dense1) + \
            loss_function.regularization_loss(dense2) + \
            loss_function.regularization_loss(dense3)
        loss = data_loss + regularization_loss
        assert regularization_loss == 0 and loss == data_loss
        predictions = activation3.output
        accuracy = np.mean(np.absolute(predictions - y) <
                           accuracy_precision)
        if not epoch % 10:
            log.append(log_line(epoch, accuracy, loss,
                                optimizer.current_learning_rate))
        loss_function.backward(activation3.output, y)
        activation3.backward(loss_function.dinputs)
        dense3.backward(activation3.dinputs)
        activation2.backward(dense3.dinputs)
        dense2.backward(activation2.dinputs)
        activation1.backward(dense2.dinputs)
        dense1.backward(activation1.dinputs)
        if epoch == 0:
            census(name, 'epoch 0', dense1=dense1, activation1=activation1,
                   dense2=dense2, activation2=activation2, dense3=dense3,
                   activation3=activation3, loss_function=loss_function,
                   data_loss=data_loss, loss=loss, accuracy=accuracy,
                   accuracy_precision=accuracy_precision,
                   lr=optimizer.current_learning_rate)
            write('sine-step0.out', activation3.output)
            write('sine-step0.loss', data_loss, fmt64)
            write_column('sine-step0.dout', loss_function.dinputs, fmt64)
            write('sine-step0.dw3', dense3.dweights)
            write('sine-step0.db3', dense3.dbiases, fmt64)
        optimizer.pre_update_params()
        optimizer.update_params(dense1)
        optimizer.update_params(dense2)
        optimizer.update_params(dense3)
        optimizer.post_update_params()
        if epoch == 0:
            census(name, 'after step 1', dense1=dense1, dense2=dense2,
                   dense3=dense3)
    report.append('sine: accuracy_precision = np.std(y) / 250 = %r (float64)'
                  % float(accuracy_precision))
    finish(name, log, dense1, dense2, dense3)


# ---------------------------------------------------------------------------
# run 6: dropout (chapter 15)
# ---------------------------------------------------------------------------

def run_dropout():
    name = 'dropout'
    nnfs_init()
    X, y = spiral_data(100, 3)
    dense1, dense2 = spiral_net()
    dropout1 = Layer_Dropout(0.1)
    optimizer = Optimizer_Adam(learning_rate=0.05, decay=5e-5)
    masks = []

    def step0(dense1, activation1, dense2, loss_activation, data_loss, y):
        m = dropout1.binary_mask
        assert m.dtype == np.float64
        ones = m != 0
        assert np.all(m[ones] == 1 / 0.9)
        masks.append(ones)

    log = train_classifier(name, X, y, dense1, dense2, optimizer, 101, 10,
                           dropout1=dropout1, step0=step0)
    write('dropout-epoch0.mask', masks[0].astype(np.int64), fmtint)
    report.append('dropout: epoch-0 mask keeps %d of %d units; scale '
                  '1/0.9 = %r (float64)'
                  % (masks[0].sum(), masks[0].size, 1 / 0.9))
    finish(name, log, dense1, dense2)


# ---------------------------------------------------------------------------

def check_blas():
    blas = '/usr/lib/x86_64-linux-gnu/libblas.so.3'
    target = os.path.realpath(blas)
    if 'openblas' in target or 'blis' in target or 'atlas' in target:
        sys.exit('gen_train.py: %s -> %s is not the reference BLAS'
                 % (blas, target))
    report.append('BLAS: %s -> %s' % (blas, target))


def main():
    t0 = time.time()
    check_blas()
    run_ch10()
    t1 = time.time()
    run_short()
    run_bce()
    run_sine()
    run_dropout()
    nnfs_uninit()
    for line in report:
        print(line)
    print('values that are not float32 arrays:')
    for run, notes in dtype_notes.items():
        for n in notes:
            print('  %s: %s' % (run, n))
    size = sum(os.path.getsize(os.path.join(OUT, n)) for n in written)
    print('wrote %d files (%d bytes): %s' % (len(written), size,
                                            ' '.join(written)))
    print('time: ch10-adam %.1f s, total %.1f s' % (t1 - t0,
                                                   time.time() - t0))


if __name__ == '__main__':
    main()
