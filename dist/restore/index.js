import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3313:
/***/ ((module) => {

module.exports = Pend;

function Pend() {
  this.pending = 0;
  this.max = Infinity;
  this.listeners = [];
  this.waiting = [];
  this.error = null;
}

Pend.prototype.go = function(fn) {
  if (this.pending < this.max) {
    pendGo(this, fn);
  } else {
    this.waiting.push(fn);
  }
};

Pend.prototype.wait = function(cb) {
  if (this.pending === 0) {
    cb(this.error);
  } else {
    this.listeners.push(cb);
  }
};

Pend.prototype.hold = function() {
  return pendHold(this);
};

function pendHold(self) {
  self.pending += 1;
  var called = false;
  return onCb;
  function onCb(err) {
    if (called) throw new Error("callback called twice");
    called = true;
    self.error = self.error || err;
    self.pending -= 1;
    if (self.waiting.length > 0 && self.pending < self.max) {
      pendGo(self, self.waiting.shift());
    } else if (self.pending === 0) {
      var listeners = self.listeners;
      self.listeners = [];
      listeners.forEach(cbListener);
    }
  }
  function cbListener(listener) {
    listener(self.error);
  }
}

function pendGo(self, fn) {
  fn(pendHold(self));
}


/***/ }),

/***/ 4248:
/***/ ((module) => {

// Adapted from https://github.com/brianloveswords/buffer-crc32/blob/v0.2.13/index.js
const CRC_TABLE = new Int32Array([
  0x00000000, 0x77073096, 0xee0e612c, 0x990951ba, 0x076dc419, 0x706af48f, 0xe963a535, 0x9e6495a3,
  0x0edb8832, 0x79dcb8a4, 0xe0d5e91e, 0x97d2d988, 0x09b64c2b, 0x7eb17cbd, 0xe7b82d07, 0x90bf1d91,
  0x1db71064, 0x6ab020f2, 0xf3b97148, 0x84be41de, 0x1adad47d, 0x6ddde4eb, 0xf4d4b551, 0x83d385c7,
  0x136c9856, 0x646ba8c0, 0xfd62f97a, 0x8a65c9ec, 0x14015c4f, 0x63066cd9, 0xfa0f3d63, 0x8d080df5,
  0x3b6e20c8, 0x4c69105e, 0xd56041e4, 0xa2677172, 0x3c03e4d1, 0x4b04d447, 0xd20d85fd, 0xa50ab56b,
  0x35b5a8fa, 0x42b2986c, 0xdbbbc9d6, 0xacbcf940, 0x32d86ce3, 0x45df5c75, 0xdcd60dcf, 0xabd13d59,
  0x26d930ac, 0x51de003a, 0xc8d75180, 0xbfd06116, 0x21b4f4b5, 0x56b3c423, 0xcfba9599, 0xb8bda50f,
  0x2802b89e, 0x5f058808, 0xc60cd9b2, 0xb10be924, 0x2f6f7c87, 0x58684c11, 0xc1611dab, 0xb6662d3d,
  0x76dc4190, 0x01db7106, 0x98d220bc, 0xefd5102a, 0x71b18589, 0x06b6b51f, 0x9fbfe4a5, 0xe8b8d433,
  0x7807c9a2, 0x0f00f934, 0x9609a88e, 0xe10e9818, 0x7f6a0dbb, 0x086d3d2d, 0x91646c97, 0xe6635c01,
  0x6b6b51f4, 0x1c6c6162, 0x856530d8, 0xf262004e, 0x6c0695ed, 0x1b01a57b, 0x8208f4c1, 0xf50fc457,
  0x65b0d9c6, 0x12b7e950, 0x8bbeb8ea, 0xfcb9887c, 0x62dd1ddf, 0x15da2d49, 0x8cd37cf3, 0xfbd44c65,
  0x4db26158, 0x3ab551ce, 0xa3bc0074, 0xd4bb30e2, 0x4adfa541, 0x3dd895d7, 0xa4d1c46d, 0xd3d6f4fb,
  0x4369e96a, 0x346ed9fc, 0xad678846, 0xda60b8d0, 0x44042d73, 0x33031de5, 0xaa0a4c5f, 0xdd0d7cc9,
  0x5005713c, 0x270241aa, 0xbe0b1010, 0xc90c2086, 0x5768b525, 0x206f85b3, 0xb966d409, 0xce61e49f,
  0x5edef90e, 0x29d9c998, 0xb0d09822, 0xc7d7a8b4, 0x59b33d17, 0x2eb40d81, 0xb7bd5c3b, 0xc0ba6cad,
  0xedb88320, 0x9abfb3b6, 0x03b6e20c, 0x74b1d29a, 0xead54739, 0x9dd277af, 0x04db2615, 0x73dc1683,
  0xe3630b12, 0x94643b84, 0x0d6d6a3e, 0x7a6a5aa8, 0xe40ecf0b, 0x9309ff9d, 0x0a00ae27, 0x7d079eb1,
  0xf00f9344, 0x8708a3d2, 0x1e01f268, 0x6906c2fe, 0xf762575d, 0x806567cb, 0x196c3671, 0x6e6b06e7,
  0xfed41b76, 0x89d32be0, 0x10da7a5a, 0x67dd4acc, 0xf9b9df6f, 0x8ebeeff9, 0x17b7be43, 0x60b08ed5,
  0xd6d6a3e8, 0xa1d1937e, 0x38d8c2c4, 0x4fdff252, 0xd1bb67f1, 0xa6bc5767, 0x3fb506dd, 0x48b2364b,
  0xd80d2bda, 0xaf0a1b4c, 0x36034af6, 0x41047a60, 0xdf60efc3, 0xa867df55, 0x316e8eef, 0x4669be79,
  0xcb61b38c, 0xbc66831a, 0x256fd2a0, 0x5268e236, 0xcc0c7795, 0xbb0b4703, 0x220216b9, 0x5505262f,
  0xc5ba3bbe, 0xb2bd0b28, 0x2bb45a92, 0x5cb36a04, 0xc2d7ffa7, 0xb5d0cf31, 0x2cd99e8b, 0x5bdeae1d,
  0x9b64c2b0, 0xec63f226, 0x756aa39c, 0x026d930a, 0x9c0906a9, 0xeb0e363f, 0x72076785, 0x05005713,
  0x95bf4a82, 0xe2b87a14, 0x7bb12bae, 0x0cb61b38, 0x92d28e9b, 0xe5d5be0d, 0x7cdcefb7, 0x0bdbdf21,
  0x86d3d2d4, 0xf1d4e242, 0x68ddb3f8, 0x1fda836e, 0x81be16cd, 0xf6b9265b, 0x6fb077e1, 0x18b74777,
  0x88085ae6, 0xff0f6a70, 0x66063bca, 0x11010b5c, 0x8f659eff, 0xf862ae69, 0x616bffd3, 0x166ccf45,
  0xa00ae278, 0xd70dd2ee, 0x4e048354, 0x3903b3c2, 0xa7672661, 0xd06016f7, 0x4969474d, 0x3e6e77db,
  0xaed16a4a, 0xd9d65adc, 0x40df0b66, 0x37d83bf0, 0xa9bcae53, 0xdebb9ec5, 0x47b2cf7f, 0x30b5ffe9,
  0xbdbdf21c, 0xcabac28a, 0x53b39330, 0x24b4a3a6, 0xbad03605, 0xcdd70693, 0x54de5729, 0x23d967bf,
  0xb3667a2e, 0xc4614ab8, 0x5d681b02, 0x2a6f2b94, 0xb40bbe37, 0xc30c8ea1, 0x5a05df1b, 0x2d02ef8d,
]);

function crc32(buf) {
  let crc = -1;
  for (let x of buf) {
    crc = CRC_TABLE[(crc ^ x) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ -1) >>> 0;
}

module.exports = crc32;


/***/ }),

/***/ 3502:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

// This was adapted from https://github.com/andrewrk/node-fd-slicer by Andrew Kelley under the MIT License.
var fs = __nccwpck_require__(9896);
var util = __nccwpck_require__(9023);
var stream = __nccwpck_require__(2203);
var Readable = stream.Readable;
var PassThrough = stream.PassThrough;
var Pend = __nccwpck_require__(3313);
var EventEmitter = (__nccwpck_require__(4434).EventEmitter);

exports.BufferSlicer = BufferSlicer;
exports.FdSlicer = FdSlicer;

util.inherits(FdSlicer, EventEmitter);
function FdSlicer(fd) {
  EventEmitter.call(this);

  this.fd = fd;
  this.pend = new Pend();
  this.pend.max = 1;
  this.refCount = 0;
}

FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  var self = this;
  self.pend.go(function(cb) {
    fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer) {
      cb();
      callback(err, bytesRead, buffer);
    });
  });
};

FdSlicer.prototype.createReadStream = function(options) {
  return new ReadStream(this, options);
};

FdSlicer.prototype.ref = function() {
  this.refCount += 1;
};

FdSlicer.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;
  if (self.refCount < 0) throw new Error("invalid unref");
  if (self.refCount > 0) return;

  fs.close(self.fd, onCloseDone);

  function onCloseDone(err) {
    if (err) {
      self.emit('error', err);
    } else {
      self.emit('close');
    }
  }
};

util.inherits(ReadStream, Readable);
function ReadStream(context, options) {
  options = options || {};
  Readable.call(this, options);

  this.context = context;
  this.context.ref();

  this.start = options.start || 0;
  this.endOffset = options.end;
  this.pos = this.start;
}

ReadStream.prototype._read = function(n) {
  var self = this;

  var toRead = Math.min(self._readableState.highWaterMark, n);
  if (self.endOffset != null) {
    toRead = Math.min(toRead, self.endOffset - self.pos);
  }
  if (toRead <= 0) {
    self.push(null);
    this._cleanup();
    return;
  }
  self.context.pend.go(function(cb) {
    var buffer = Buffer.allocUnsafe(toRead);
    fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
      if (err) {
        self.destroy(err);
      } else if (bytesRead === 0) {
        self.push(null);
        self._cleanup();
      } else {
        self.pos += bytesRead;
        self.push(buffer.slice(0, bytesRead));
      }
      cb();
    });
  });
};

ReadStream.prototype._destroy = function(err, cb) {
  // Node 14+ calls this automatically at EOF.
  this._cleanup();
  cb(err);
};

ReadStream.prototype._cleanup = function() {
  if (this.context != null) {
    this.context.unref();
    this.context = null;
  }
};

util.inherits(BufferSlicer, EventEmitter);
function BufferSlicer(buffer) {
  EventEmitter.call(this);

  this.refCount = 0;
  this.buffer = buffer;
}

BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
  if (position < 0) throw new RangeError("position is negative: " + position);
  if (offset + length > buffer.length) {
    // The caller's buffer can't hold all the bytes they're trying to read.
    // Clamp the length instead of giving an error.
    // The callback will be informed of fewer than expected bytes written.
    length = buffer.length - offset;
  }
  if (position + length > this.buffer.length) {
    // Clamp any attempt to read past the end of the source buffer.
    length = this.buffer.length - position;
  }
  if (length <= 0) {
    // After any clamping, we're fully out of bounds or otherwise have nothing to do.
    // This isn't an error; it's just zero bytes written.
    setImmediate(function() {
      callback(null, 0);
    });
    return;
  }
  this.buffer.copy(buffer, offset, position, position + length);
  setImmediate(function() {
    callback(null, length);
  });
};

BufferSlicer.prototype.createReadStream = function(options) {
  options = options || {};
  var readStream = new PassThrough(options);
  readStream.start = options.start || 0;
  readStream.endOffset = options.end;
  // by the time this function returns, we'll be done.
  readStream.pos = readStream.endOffset || this.buffer.length;

  var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
  // Cut the buffer into smaller slices for better memory usage when streaming into a zlib inflate stream.
  // See https://github.com/thejoshwolfe/yauzl/issues/87
  var maxChunkSize = 0x10000;
  var offset = 0;
  while (true) {
    var nextOffset = offset + maxChunkSize;
    if (nextOffset >= entireSlice.length) {
      // last chunk
      if (offset < entireSlice.length) {
        readStream.write(entireSlice.slice(offset, entireSlice.length));
      }
      break;
    }
    readStream.write(entireSlice.slice(offset, nextOffset));
    offset = nextOffset;
  }

  readStream.end();
  return readStream;
};

BufferSlicer.prototype.ref = function() {
  this.refCount += 1;
};

BufferSlicer.prototype.unref = function() {
  this.refCount -= 1;

  if (this.refCount < 0) {
    throw new Error("invalid unref");
  }
};


/***/ }),

/***/ 663:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var fs = __nccwpck_require__(9896);
var zlib = __nccwpck_require__(3106);
var fd_slicer = __nccwpck_require__(3502);
var util = __nccwpck_require__(9023);
var EventEmitter = (__nccwpck_require__(4434).EventEmitter);
var Transform = (__nccwpck_require__(2203).Transform);
var PassThrough = (__nccwpck_require__(2203).PassThrough);
var Writable = (__nccwpck_require__(2203).Writable);

// Node 20 added zlib.crc32.
const crc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : __nccwpck_require__(4248);

exports.open = open;
exports.fromFd = fromFd;
exports.fromBuffer = fromBuffer;
exports.fromRandomAccessReader = fromRandomAccessReader;
exports.openPromise = openPromise;
exports.fromFdPromise = fromFdPromise;
exports.fromBufferPromise = fromBufferPromise;
exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;

exports.dosDateTimeToDate = dosDateTimeToDate;
exports.getFileNameLowLevel = getFileNameLowLevel;
exports.validateFileName = validateFileName;
exports.parseExtraFields = parseExtraFields;
exports.ZipFile = ZipFile;
exports.Entry = Entry;
exports.LocalFileHeader = LocalFileHeader;
exports.RandomAccessReader = RandomAccessReader;

function openPromise(path, options) {
  return new Promise((resolve, reject) => {
    open(path, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromFdPromise(fd, options) {
  return new Promise((resolve, reject) => {
    fromFd(fd, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromBufferPromise(buffer, options) {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromRandomAccessReaderPromise(reader, totalSize, options) {
  return new Promise((resolve, reject) => {
    fromRandomAccessReader(reader, totalSize, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}

function open(path, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.open(path, "r", function(err, fd) {
    if (err) return callback(err);
    fromFd(fd, options, function(err, zipfile) {
      if (err) fs.close(fd, defaultCallback);
      callback(err, zipfile);
    });
  });
}

function fromFd(fd, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.fstat(fd, function(err, stats) {
    if (err) return callback(err);
    var reader = new fd_slicer.FdSlicer(fd);
    fromRandomAccessReader(reader, stats.size, options, callback);
  });
}

function fromBuffer(buffer, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  var reader = new fd_slicer.BufferSlicer(buffer);
  fromRandomAccessReader(reader, buffer.length, options, callback);
}

function fromRandomAccessReader(reader, totalSize, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  var decodeStrings = !!options.decodeStrings;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
  if (totalSize > Number.MAX_SAFE_INTEGER) {
    throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
  }

  // the matching unref() call is in zipfile.close()
  reader.ref();

  // eocdr means End of Central Directory Record.
  // search backwards for the eocdr signature.
  // the last field of the eocdr is a variable-length comment.
  // the comment size is encoded in a 2-byte field in the eocdr, which we can't find without trudging backwards through the comment to find it.
  // as a consequence of this design decision, it's possible to have ambiguous zip file metadata if a coherent eocdr was in the comment.
  // we search backwards for a eocdr signature, and hope that whoever made the zip file was smart enough to forbid the eocdr signature in the comment.
  var eocdrWithoutCommentSize = 22;
  var zip64EocdlSize = 20; // Zip64 end of central directory locator
  var maxCommentSize = 0xffff; // 2-byte size
  var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
  var buffer = newBuffer(bufferSize);
  var bufferReadStart = totalSize - buffer.length;
  readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
    if (err) return callback(err);
    for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
      if (buffer.readUInt32LE(i) !== 0x06054b50) continue;
      // found eocdr
      var eocdrBuffer = buffer.subarray(i);

      // 0 - End of central directory signature = 0x06054b50
      // 4 - Number of this disk
      var diskNumber = eocdrBuffer.readUInt16LE(4);
      // 6 - Disk where central directory starts
      // 8 - Number of central directory records on this disk
      // 10 - Total number of central directory records
      var entryCount = eocdrBuffer.readUInt16LE(10);
      // 12 - Size of central directory (bytes)
      // 16 - Offset of start of central directory, relative to start of archive
      var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
      // 20 - Comment length
      var commentLength = eocdrBuffer.readUInt16LE(20);
      var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
      if (commentLength !== expectedCommentLength) {
        return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK☺☻` in the comment?"));
      }
      // 22 - Comment
      // the encoding is always cp437.
      var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false)
                                  : eocdrBuffer.subarray(22);

      // Look for a Zip64 end of central directory locator
      if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 0x07064b50) {
        // ZIP64 format
        var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
        // 0 - zip64 end of central dir locator signature = 0x07064b50
        // 4 - number of the disk with the start of the zip64 end of central directory
        // 8 - relative offset of the zip64 end of central directory record
        var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
        // 16 - total number of disks

        // ZIP64 end of central directory record
        var zip64EocdrBuffer = newBuffer(56);
        return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err) {
          if (err) return callback(err);

          // 0 - zip64 end of central dir signature                           4 bytes  (0x06064b50)
          if (zip64EocdrBuffer.readUInt32LE(0) !== 0x06064b50) {
            return callback(new Error("invalid zip64 end of central directory record signature"));
          }
          // 4 - size of zip64 end of central directory record                8 bytes
          // 12 - version made by                                             2 bytes
          // 14 - version needed to extract                                   2 bytes
          // 16 - number of this disk                                         4 bytes
          diskNumber = zip64EocdrBuffer.readUInt32LE(16);
          if (diskNumber !== 0) {
            // Check this only after zip64 overrides. See #118.
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          // 20 - number of the disk with the start of the central directory  4 bytes
          // 24 - total number of entries in the central directory on this disk         8 bytes
          // 32 - total number of entries in the central directory            8 bytes
          entryCount = readUInt64LE(zip64EocdrBuffer, 32);
          // 40 - size of the central directory                               8 bytes
          // 48 - offset of start of central directory with respect to the starting disk number     8 bytes
          centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
          // 56 - zip64 extensible data sector                                (variable size)
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));
        });
      }

      // Not ZIP64 format
      if (diskNumber !== 0) {
        return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
      }
      return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));

    }

    // Not a zip file.
    callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
  });
}

util.inherits(ZipFile, EventEmitter);
function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
  var self = this;
  EventEmitter.call(self);
  self.reader = reader;
  // forward close events
  self.reader.on("error", function(err) {
    // error closing the fd
    emitError(self, err);
  });
  self.reader.once("close", function() {
    self.emit("close");
  });
  self.readEntryCursor = centralDirectoryOffset;
  self.fileSize = fileSize;
  self.entryCount = entryCount;
  self.comment = comment;
  self.entriesRead = 0;
  self.autoClose = !!autoClose;
  self.lazyEntries = !!lazyEntries;
  self.decodeStrings = !!decodeStrings;
  self.validateEntrySizes = !!validateEntrySizes;
  self.strictFileNames = !!strictFileNames;
  self.isOpen = true;
  self.emittedError = false;
  self.hasEachEntryBeenCalled = false;

  if (!self.lazyEntries) self._readEntry();
}
ZipFile.prototype.close = function() {
  if (!this.isOpen) return;
  this.isOpen = false;
  this.reader.unref();
};

function emitErrorAndAutoClose(self, err) {
  if (self.autoClose) self.close();
  emitError(self, err);
}
function emitError(self, err) {
  if (self.emittedError) return;
  self.emittedError = true;
  self.emit("error", err);
}

ZipFile.prototype.readEntry = function() {
  if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
  this._readEntry();
};
ZipFile.prototype._readEntry = function() {
  var self = this;
  if (self.entryCount === self.entriesRead) {
    // done with metadata
    setImmediate(function() {
      if (self.autoClose) self.close();
      if (self.emittedError) return;
      self.emit("end");
    });
    return;
  }
  if (self.emittedError) return;
  var buffer = newBuffer(46);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
    if (err) return emitErrorAndAutoClose(self, err);
    if (self.emittedError) return;
    var entry = new Entry();
    // 0 - Central directory file header signature
    var signature = buffer.readUInt32LE(0);
    if (signature !== 0x02014b50) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
    // 4 - Version made by
    entry.versionMadeBy = buffer.readUInt16LE(4);
    // 6 - Version needed to extract (minimum)
    entry.versionNeededToExtract = buffer.readUInt16LE(6);
    // 8 - General purpose bit flag
    entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
    // 10 - Compression method
    entry.compressionMethod = buffer.readUInt16LE(10);
    // 12 - File last modification time
    entry.lastModFileTime = buffer.readUInt16LE(12);
    // 14 - File last modification date
    entry.lastModFileDate = buffer.readUInt16LE(14);
    // 16 - CRC-32
    entry.crc32 = buffer.readUInt32LE(16);
    // 20 - Compressed size
    entry.compressedSize = buffer.readUInt32LE(20);
    // 24 - Uncompressed size
    entry.uncompressedSize = buffer.readUInt32LE(24);
    // 28 - File name length (n)
    entry.fileNameLength = buffer.readUInt16LE(28);
    // 30 - Extra field length (m)
    entry.extraFieldLength = buffer.readUInt16LE(30);
    // 32 - File comment length (k)
    entry.fileCommentLength = buffer.readUInt16LE(32);
    // 34 - Disk number where file starts
    // 36 - Internal file attributes
    entry.internalFileAttributes = buffer.readUInt16LE(36);
    // 38 - External file attributes
    entry.externalFileAttributes = buffer.readUInt32LE(38);
    // 42 - Relative offset of local file header
    entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);

    if (entry.generalPurposeBitFlag & 0x40) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));

    self.readEntryCursor += 46;

    buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
    readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
      if (err) return emitErrorAndAutoClose(self, err);
      if (self.emittedError) return;
      // 46 - File name
      entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
      // 46+n - Extra field
      var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
      entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
      // 46+n+m - File comment
      entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);

      // Parse the extra fields, which we need for processing other fields.
      try {
        entry.extraFields = parseExtraFields(entry.extraFieldRaw);
      } catch (err) {
        return emitErrorAndAutoClose(self, err);
      }

      // Interpret strings according to bit flags, extra fields, and options.
      if (self.decodeStrings) {
        var isUtf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
        entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
        entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
        var errorMessage = validateFileName(entry.fileName);
        if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
      } else {
        entry.fileComment = entry.fileCommentRaw;
        entry.fileName = entry.fileNameRaw;
      }
      // Maintain API compatibility. See https://github.com/thejoshwolfe/yauzl/issues/47
      entry.comment = entry.fileComment;

      self.readEntryCursor += buffer.length;
      self.entriesRead += 1;

      // Check for the Zip64 Extended Information Extra Field.
      for (var i = 0; i < entry.extraFields.length; i++) {
        var extraField = entry.extraFields[i];
        if (extraField.id !== 0x0001) continue;
        // Found it.

        var zip64EiefBuffer = extraField.data;
        var index = 0;
        // 0 - Original Size          8 bytes
        if (entry.uncompressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
          }
          entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 8 - Compressed Size        8 bytes
        if (entry.compressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
          }
          entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 16 - Relative Header Offset 8 bytes
        if (entry.relativeOffsetOfLocalHeader === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
          }
          entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 24 - Disk Start Number      4 bytes

        break;
      }

      // validate file size
      if (self.validateEntrySizes && entry.compressionMethod === 0) {
        var expectedCompressedSize = entry.uncompressedSize;
        if (entry.isEncrypted()) {
          // traditional encryption prefixes the file data with a header
          expectedCompressedSize += 12;
        }
        if (entry.compressedSize !== expectedCompressedSize) {
          var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
          return emitErrorAndAutoClose(self, new Error(msg));
        }
      }

      self.emit("entry", entry);

      if (!self.lazyEntries) self._readEntry();
    });
  });
};

ZipFile.prototype.eachEntry = function() {
  const self = this;
  if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
  if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
  self.hasEachEntryBeenCalled = true;

  let pendingResolveReject = null;
  self.on("entry", onEntry);
  self.on("end", onEnd);
  self.on("error", onError);
  function cleanup() {
    self.removeListener("entry", onEntry);
    self.removeListener("end", onEnd);
    self.removeListener("error", onError);
    if (self.autoClose) self.close();
  }

  function onEntry(entry) {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    resolve({value: entry});
  }
  function onEnd() {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    resolve({done: true});
  }
  function onError(err) {
    let {reject} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    reject(err);
  }

  return {
    [Symbol.asyncIterator]() {
      // Called once by `for await...of`.
      return this;
    },
    next() {
      // Called on each iteration in a `for await...of`.
      const promise = new Promise((resolve, reject) => {
        if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
        pendingResolveReject = {resolve, reject};
      });
      self.readEntry();
      return promise;
    },
    return(value) {
      // Called when breaking, returning, throwing out of a `for await...of`.
      cleanup();
      return Promise.resolve({done: true, value});
    },
    throw(value) {
      // Almost never called. Something about `yield*` maybe?
      cleanup();
      return Promise.reject(value);
    },
  };
};

ZipFile.prototype.openReadStream = function(entry, options, callback) {
  var self = this;
  // parameter validation
  var relativeStart = 0;
  var relativeEnd = entry.compressedSize;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) {
    options = {};
  } else {
    if (options.decodeFileData === false) {
      // new, simple option
      if (options.decrypt != null) {
        throw new Error("cannot use options.decrypt when options.decodeFileData === false");
      }
      if (options.decompress != null) {
        throw new Error("cannot use options.decompress when options.decodeFileData === false");
      }
      // start and end are allowed
    } else {
      // old, complicated options
      if (options.decrypt != null) {
        if (!entry.isEncrypted()) {
          throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
        }
        if (options.decrypt !== false) throw new Error("invalid options.decrypt value: " + options.decrypt);
        if (entry.isCompressed()) {
          if (options.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
        }
      }
      if (options.decompress != null) {
        if (!entry.isCompressed()) {
          throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
        }
        if (!(options.decompress === false || options.decompress === true)) {
          throw new Error("invalid options.decompress value: " + options.decompress);
        }
        decompress = options.decompress;
      }
    }
    if (options.start != null) {
      relativeStart = options.start;
      if (relativeStart < 0) throw new Error("options.start < 0");
      if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
    }
    if (options.end != null) {
      relativeEnd = options.end;
      if (relativeEnd < 0) throw new Error("options.end < 0");
      if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
      if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
    }
  }
  var rawMode = (
    options.decodeFileData === false || // Explicitly requested raw.
    (
      (entry.compressionMethod === 0 || // Naturally without compression.
        (entry.compressionMethod === 8 && options.decompress === false) // Deprecated compression bypass option.
      ) &&
      (!entry.isEncrypted() || // Naturally without encryption.
        options.decrypt === false // Deprecated encryption bypass option.
      )
    )
  );
  if (options.start != null || options.end != null) {
    // Ensure slicing deals with raw data.
    if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
  }

  // any further errors can either be caused by the zipfile,
  // or were introduced in a minor version of yauzl,
  // so should be passed to the client rather than thrown.
  if (!self.isOpen) return callback(new Error("closed"));
  if (entry.isEncrypted() && !rawMode) {
    if (options.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
  }
  var decompress;
  if (rawMode) {
    decompress = false;
  } else if (entry.compressionMethod === 8) {
    // 8 - The file is Deflated
    decompress = options.decodeFileData !== true;
  } else {
    return callback(new Error("unsupported compression method: " + entry.compressionMethod));
  }

  self.readLocalFileHeader(entry, {minimal: true}, function(err, localFileHeader) {
    if (err) return callback(err);
    self.openReadStreamLowLevel(
      localFileHeader.fileDataStart, entry.compressedSize,
      relativeStart, relativeEnd,
      decompress, entry.uncompressedSize,
      callback);
  });
};

ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
  var self = this;

  var fileDataEnd = fileDataStart + compressedSize;
  var readStream = self.reader.createReadStream({
    start: fileDataStart + relativeStart,
    end: fileDataStart + relativeEnd,
  });
  var endpointStream = readStream;
  if (decompress) {
    var destroyed = false;
    var inflateFilter = zlib.createInflateRaw();
    readStream.on("error", function(err) {
      // setImmediate here because errors can be emitted during the first call to pipe()
      setImmediate(function() {
        if (!destroyed) inflateFilter.emit("error", err);
      });
    });
    readStream.pipe(inflateFilter);

    if (self.validateEntrySizes) {
      endpointStream = new AssertByteCountStream(uncompressedSize);
      inflateFilter.on("error", function(err) {
        // forward zlib errors to the client-visible stream
        setImmediate(function() {
          if (!destroyed) endpointStream.emit("error", err);
        });
      });
      inflateFilter.pipe(endpointStream);
    } else {
      // the zlib filter is the client-visible stream
      endpointStream = inflateFilter;
    }
    // this is part of yauzl's API, so implement this function on the client-visible stream
    installDestroyFn(endpointStream, function() {
      destroyed = true;
      if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
      readStream.unpipe(inflateFilter);
      // TODO: the inflateFilter may cause a memory leak. see Issue #27.
      readStream.destroy();
    });
  }
  callback(null, endpointStream);
};

ZipFile.prototype.readLocalFileHeader = function(entry, options, callback) {
  var self = this;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) options = {};

  self.reader.ref();
  var buffer = newBuffer(30);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
    try {
      if (err) return callback(err);
      // 0 - Local file header signature = 0x04034b50
      var signature = buffer.readUInt32LE(0);
      if (signature !== 0x04034b50) {
        return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
      }

      var fileNameLength = buffer.readUInt16LE(26);
      var extraFieldLength = buffer.readUInt16LE(28);
      var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
      // We now have enough information to do this bounds check.
      if (fileDataStart + entry.compressedSize > self.fileSize) {
        return callback(new Error("file data overflows file bounds: " +
            fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
      }

      if (options.minimal) {
        return callback(null, {fileDataStart: fileDataStart});
      }

      var localFileHeader = new LocalFileHeader();
      localFileHeader.fileDataStart = fileDataStart;

      // 4 - Version needed to extract (minimum)
      localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
      // 6 - General purpose bit flag
      localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
      // 8 - Compression method
      localFileHeader.compressionMethod = buffer.readUInt16LE(8);
      // 10 - File last modification time
      localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
      // 12 - File last modification date
      localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
      // 14 - CRC-32
      localFileHeader.crc32 = buffer.readUInt32LE(14);
      // 18 - Compressed size
      localFileHeader.compressedSize = buffer.readUInt32LE(18);
      // 22 - Uncompressed size
      localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
      // 26 - File name length (n)
      localFileHeader.fileNameLength = fileNameLength;
      // 28 - Extra field length (m)
      localFileHeader.extraFieldLength = extraFieldLength;
      // 30 - File name
      // 30+n - Extra field

      buffer = newBuffer(fileNameLength + extraFieldLength);
      self.reader.ref();
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err) {
        try {
          if (err) return callback(err);
          localFileHeader.fileName = buffer.subarray(0, fileNameLength);
          localFileHeader.extraField = buffer.subarray(fileNameLength);
          return callback(null, localFileHeader);
        } finally {
          self.reader.unref();
        }
      });
    } finally {
      self.reader.unref();
    }
  });
};

ZipFile.prototype.openReadStreamPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.openReadStream(entry, options, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
  return new Promise((resolve, reject) => {
    this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.readLocalFileHeader(entry, options, function(err, localFileHeader) {
      if (err) return reject(err);
      resolve(localFileHeader);
    });
  });
};

function Entry() {
}
Entry.prototype.getLastModDate = function(options) {
  if (options == null) options = {};

  if (!options.forceDosFormat) {
    // Check extended fields.
    for (var i = 0; i < this.extraFields.length; i++) {
      var extraField = this.extraFields[i];
      if (extraField.id === 0x5455) {
        // Info-ZIP "universal timestamp" extended field (`0x5455` aka `"UT"`).
        // See the Info-ZIP source code unix/unix.c:set_extra_field() and zipfile.c:ef_scan_ut_time().
        var data = extraField.data;
        if (data.length < 5) continue; // Too short.
        // The flags define which of the three fields are present: mtime, atime, ctime.
        // We only care about mtime.
        // Also, ctime is never included in practice.
        // And also, atime is only included in the local file header for some reason
        // despite the flags lying about its inclusion in the central header.
        var flags = data[0];
        var HAS_MTIME = 1;
        if (!(flags & HAS_MTIME)) continue; // This will realistically never happen.
        // Although the positions of all of the fields shift around depending on the presence of other fields,
        // mtime is always first if present, and that's the only one we care about.
        var posixTimestamp = data.readInt32LE(1);
        return new Date(posixTimestamp * 1000);
      } else if (extraField.id === 0x000a) {
        var data = extraField.data;
        if (data.length !== 32) continue; // The length is always the same.
        // 4 bytes reserved
        // 2 bytes Tag
        if (data.readUInt16LE(4) !== 1) continue; // Tag1 is actually the only defined Tag.
        // 2 bytes Size
        if (data.readUInt16LE(6) !== 24) continue; // Size is always 24.
        // 8 bytes Mtime
        var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
        // Convert from NTFS to POSIX milliseconds.
        // The big number below is the milliseconds between year 1601 and year 1970
        // (i.e. the negative POSIX timestamp of 1601-01-01 00:00:00Z)
        var millisecondsSince1970 = hundredNanoSecondsSince1601 / 10000 - 11644473600000;
        // Note on numeric precision: JavaScript Number objects lose precision above Number.MAX_SAFE_INTEGER,
        // and NTFS timestamps are typically much bigger than that limit.
        // (MAX_SAFE_INTEGER would represent 1629-07-17T23:58:45.475Z.)
        // However, we're losing precision in the conversion from 100nanosecond units to millisecond units anyway,
        // and the time at which we also lose 1-millisecond precision is year 275760, the JavaScript Date limit (by design).
        // Up through the year 2057, this conversion only drops 4 bits of precision,
        // which is well under the 13-14 bits ratio between the milliseconds and 100nanoseconds.
        return new Date(millisecondsSince1970);
      }
    }
  }

  // Fallback to non-extended encoding.
  return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options.timezone);
};

Entry.prototype.canDecodeFileData = function() {
  return (
    !this.isEncrypted() &&
    (this.compressionMethod === 0 || this.compressionMethod === 8)
  );
};
Entry.prototype.isEncrypted = function() {
  return (this.generalPurposeBitFlag & 0x1) !== 0;
};
Entry.prototype.isCompressed = function() {
  return this.compressionMethod === 8;
};

function LocalFileHeader() {
}

function dosDateTimeToDate(date, time, timezone) {
  var day = date & 0x1f; // 1-31
  var month = (date >> 5 & 0xf) - 1; // 1-12, 0-11
  var year = (date >> 9 & 0x7f) + 1980; // 0-128, 1980-2108

  var millisecond = 0;
  var second = (time & 0x1f) * 2; // 0-29, 0-58 (even numbers)
  var minute = time >> 5 & 0x3f; // 0-59
  var hour = time >> 11 & 0x1f; // 0-23

  if (timezone == null || timezone === "local") {
    return new Date(year, month, day, hour, minute, second, millisecond);
  } else if (timezone === "UTC") {
    return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
  } else {
    throw new Error("unrecognized options.timezone: " + options.timezone);
  }
}

function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
  var fileName = null;

  // check for Info-ZIP Unicode Path Extra Field (0x7075)
  // see https://github.com/thejoshwolfe/yauzl/issues/33
  for (var i = 0; i < extraFields.length; i++) {
    var extraField = extraFields[i];
    if (extraField.id === 0x7075) {
      if (extraField.data.length < 6) {
        // too short to be meaningful
        continue;
      }
      // Version       1 byte      version of this extra field, currently 1
      if (extraField.data.readUInt8(0) !== 1) {
        // > Changes may not be backward compatible so this extra
        // > field should not be used if the version is not recognized.
        continue;
      }
      // NameCRC32     4 bytes     File Name Field CRC32 Checksum
      var oldNameCrc32 = extraField.data.readUInt32LE(1);
      if (crc32(fileNameBuffer) !== oldNameCrc32) {
        // > If the CRC check fails, this UTF-8 Path Extra Field should be
        // > ignored and the File Name field in the header should be used instead.
        continue;
      }
      // UnicodeName   Variable    UTF-8 version of the entry File Name
      fileName = decodeBuffer(extraField.data.subarray(5), true);
      break;
    }
  }

  if (fileName == null) {
    // The typical case.
    var isUtf8 = (generalPurposeBitFlag & 0x800) !== 0;
    fileName = decodeBuffer(fileNameBuffer, isUtf8);
  }

  if (!strictFileNames) {
    // Allow backslash.
    fileName = fileName.replace(/\\/g, "/");
  }
  return fileName;
}

function validateFileName(fileName) {
  if (fileName.indexOf("\\") !== -1) {
    return "invalid characters in fileName: " + fileName;
  }
  if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
    return "absolute path: " + fileName;
  }
  if (fileName.split("/").indexOf("..") !== -1) {
    return "invalid relative path: " + fileName;
  }
  // all good
  return null;
}

function parseExtraFields(extraFieldBuffer) {
  var extraFields = [];
  var i = 0;
  while (i < extraFieldBuffer.length - 3) {
    var headerId = extraFieldBuffer.readUInt16LE(i + 0);
    var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
    var dataStart = i + 4;
    var dataEnd = dataStart + dataSize;
    if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
    var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
    extraFields.push({
      id: headerId,
      data: dataBuffer,
    });
    i = dataEnd;
  }
  return extraFields;
}

function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
  if (length === 0) {
    // fs.read will throw an out-of-bounds error if you try to read 0 bytes from a 0 byte file
    return setImmediate(function() { callback(null, newBuffer(0)); });
  }
  reader.read(buffer, offset, length, position, function(err, bytesRead) {
    if (err) return callback(err);
    if (bytesRead < length) {
      return callback(new Error("unexpected EOF"));
    }
    callback();
  });
}

util.inherits(AssertByteCountStream, Transform);
function AssertByteCountStream(byteCount) {
  Transform.call(this);
  this.actualByteCount = 0;
  this.expectedByteCount = byteCount;
}
AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
  this.actualByteCount += chunk.length;
  if (this.actualByteCount > this.expectedByteCount) {
    var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb(null, chunk);
};
AssertByteCountStream.prototype._flush = function(cb) {
  if (this.actualByteCount < this.expectedByteCount) {
    var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb();
};

util.inherits(RandomAccessReader, EventEmitter);
function RandomAccessReader() {
  EventEmitter.call(this);
  this.refCount = 0;
}
RandomAccessReader.prototype.ref = function() {
  this.refCount += 1;
};
RandomAccessReader.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;

  if (self.refCount > 0) return;
  if (self.refCount < 0) throw new Error("invalid unref");

  self.close(onCloseDone);

  function onCloseDone(err) {
    if (err) return self.emit('error', err);
    self.emit('close');
  }
};
RandomAccessReader.prototype.createReadStream = function(options) {
  if (options == null) options = {};
  var start = options.start;
  var end = options.end;
  if (start === end) {
    var emptyStream = new PassThrough();
    setImmediate(function() {
      emptyStream.end();
    });
    return emptyStream;
  }
  var stream = this._readStreamForRange(start, end);

  var destroyed = false;
  var refUnrefFilter = new RefUnrefFilter(this);
  stream.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) refUnrefFilter.emit("error", err);
    });
  });
  installDestroyFn(refUnrefFilter, function() {
    stream.unpipe(refUnrefFilter);
    refUnrefFilter.unref();
    stream.destroy();
  });

  var byteCounter = new AssertByteCountStream(end - start);
  refUnrefFilter.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) byteCounter.emit("error", err);
    });
  });
  installDestroyFn(byteCounter, function() {
    destroyed = true;
    refUnrefFilter.unpipe(byteCounter);
    refUnrefFilter.destroy();
  });

  return stream.pipe(refUnrefFilter).pipe(byteCounter);
};
RandomAccessReader.prototype._readStreamForRange = function(start, end) {
  throw new Error("not implemented");
};
RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
  var readStream = this.createReadStream({start: position, end: position + length});
  var writeStream = new Writable();
  var written = 0;
  writeStream._write = function(chunk, encoding, cb) {
    chunk.copy(buffer, offset + written, 0, chunk.length);
    written += chunk.length;
    cb();
  };
  writeStream.on("finish", callback);
  readStream.on("error", function(error) {
    callback(error);
  });
  readStream.pipe(writeStream);
};
RandomAccessReader.prototype.close = function(callback) {
  setImmediate(callback);
};

util.inherits(RefUnrefFilter, PassThrough);
function RefUnrefFilter(context) {
  PassThrough.call(this);
  this.context = context;
  this.context.ref();
  this.unreffedYet = false;
}
RefUnrefFilter.prototype._flush = function(cb) {
  this.unref();
  cb();
};
RefUnrefFilter.prototype.unref = function(cb) {
  if (this.unreffedYet) return;
  this.unreffedYet = true;
  this.context.unref();
};

var cp437 = '\u0000☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼ !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ';
function decodeBuffer(buffer, isUtf8) {
  if (isUtf8) {
    return buffer.toString("utf8");
  } else {
    var result = "";
    for (var i = 0; i < buffer.length; i++) {
      result += cp437[buffer[i]];
    }
    return result;
  }
}

function readUInt64LE(buffer, offset) {
  // There is no native function for this, because we can't actually store 64-bit integers precisely.
  // after 53 bits, JavaScript's Number type (IEEE 754 double) can't store individual integers anymore.
  // but since 53 bits is a whole lot more than 32 bits, we do our best anyway.
  // As of 2020, Node has added support for BigInt, which obviates this whole function,
  // but yauzl hasn't been updated to depend on BigInt (yet?).
  var lower32 = buffer.readUInt32LE(offset);
  var upper32 = buffer.readUInt32LE(offset + 4);
  // we can't use bitshifting here, because JavaScript bitshifting only works on 32-bit integers.
  return upper32 * 0x100000000 + lower32;
  // as long as we're bounds checking the result of this function against the total file size,
  // we'll catch any overflow errors, because we already made sure the total file size was within reason.
}

// Node 10 deprecated new Buffer().
var newBuffer;
if (typeof Buffer.allocUnsafe === "function") {
  newBuffer = function(len) {
    return Buffer.allocUnsafe(len);
  };
} else {
  newBuffer = function(len) {
    return new Buffer(len);
  };
}

// Node 8 introduced a proper destroy() implementation on writable streams.
function installDestroyFn(stream, fn) {
  if (typeof stream.destroy === "function") {
    // New API.
    stream._destroy = function(err, cb) {
      fn();
      if (cb != null) cb(err);
    };
  } else {
    // Old API.
    stream.destroy = fn;
  }
}

function defaultCallback(err) {
  if (err) throw err;
}


/***/ }),

/***/ 1474:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(681);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .runRestore */ .Y)();
// The step is done: a socket the toolkit abandoned (a stalled upload) must not keep it alive.
process.exit();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 681:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ runRestore)
});

// UNUSED EXPORTS: restoredLine

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/action/light-toolkit.ts



// The steps' one way to speak to the runner: the commands they use (inputs, outputs, state, log
// lines, groups, failure), written byte for byte as @actions/core writes them (its tests check
// both against each other).
// Loading @actions/core also loads its HTTP client, undici, for OIDC tokens no step asks for:
// 1 MB of bundle, about 90 ms of every step's start on Node 24.
/** An input as the runner passes it (`INPUT_<NAME>`), trimmed unless asked not to be. */
function getInput(name, options = {}) {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
    return options.trimWhitespace === false ? value : value.trim();
}
/** A value the main step saved for its post step. */
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** Sets a step output through the runner's output file. */
function setOutput(name, value) {
    if (!keyValueCommand('OUTPUT', name, value)) {
        process.stdout.write(external_node_os_.EOL);
        issue('set-output', value, { name });
    }
}
/** Keeps a value for the step's post step, through the runner's state file. */
function saveState(name, value) {
    if (!keyValueCommand('STATE', name, value))
        issue('save-state', value, { name });
}
/**
 * Appends `name` and `value` to the runner's file for `command` (GITHUB_OUTPUT, GITHUB_STATE)
 * between fresh delimiters; false when the runner gave no such file. (A file the runner named
 * but did not make is made, where @actions/core throws.)
 */
function keyValueCommand(command, name, value) {
    const file = process.env[`GITHUB_${command}`] ?? '';
    if (file === '')
        return false;
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (value.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
    return true;
}
/** Masks a value in the log. */
function setSecret(value) {
    issue('add-mask', value);
}
function info(message) {
    process.stdout.write(`${message}${external_node_os_.EOL}`);
}
function notice(message) {
    issue('notice', message);
}
function warning(message) {
    issue('warning', message);
}
function debug(message) {
    issue('debug', message);
}
/** Fails the step: an error annotation, and exit code 1 once the step ends. */
function setFailed(message) {
    process.exitCode = 1;
    issue('error', message);
}
/** Folds the log lines that follow, up to {@link endGroup}, under `title`. */
function startGroup(title) {
    issue('group', title);
}
function endGroup() {
    issue('endgroup', '');
}
/** Appends Markdown to the job summary, when the runner gives a summary file. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY ?? '';
    if (file === '')
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
    appendFileSync(file, markdown, 'utf8');
}
function issue(command, message, properties = {}) {
    const props = Object.entries(properties)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_.EOL}`);
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

;// CONCATENATED MODULE: ./src/checkpoint/canonical.ts

/**
 * Characters of a long string encoded at a time into one reused buffer while it is hashed.
 * Hashing a string whole first encodes it into a buffer as large: for 50 MB of state, 150 ms
 * of the digest's 180 ms, most of it the kernel handing over 50 MB of fresh pages.
 */
const TEXT_CHUNK = 256 * 1024;
/**
 * JSON with object keys sorted at every depth and no white space: the same value always gives
 * the same bytes, so a digest over it does not depend on how the document was formatted.
 */
function canonicalJson(value) {
    if (value === undefined)
        return 'null';
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(item => canonicalJson(item)).join(',')}]`;
    const record = value;
    const keys = Object.keys(record)
        .filter(key => record[key] !== undefined)
        .sort();
    return `{${keys.map(key => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
/** `sha256:<hex>` of a string (its UTF-8) or bytes, the form the artifact service uses too. */
function canonical_sha256Digest(data) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    if (typeof data === 'string' && data.length > TEXT_CHUNK)
        updateWithText(hash, data);
    else
        hash.update(data);
    return `sha256:${hash.digest('hex')}`;
}
/** Hashes `text`'s UTF-8 a chunk at a time, a surrogate pair never cut in two. */
function updateWithText(hash, text) {
    // A UTF-16 unit takes at most 3 bytes of UTF-8 (a pair, two units, takes 4).
    const buffer = Buffer.allocUnsafe(TEXT_CHUNK * 3);
    for (let start = 0; start < text.length;) {
        let end = Math.min(text.length, start + TEXT_CHUNK);
        if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1)))
            end -= 1;
        const written = buffer.write(text.slice(start, end), 'utf8');
        hash.update(buffer.subarray(0, written));
        start = end;
    }
}
function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
}

;// CONCATENATED MODULE: ./src/checkpoint/errors.ts
/**
 * Typed errors of the checkpoint domain. Each message names the thing (file, input, value) and
 * the rule, so a user can act on it without reading the source.
 */
/** Base class: every error this project raises on purpose. */
class CheckpointError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/** A value broke a rule: a node id, a scope, a state document, an input. Never retried. */
class errors_InvalidInputError extends CheckpointError {
    input;
    value;
    rule;
    constructor(input, value, rule) {
        super(`Input '${input}' has an invalid value ${quote(value)}: ${rule}`);
        this.input = input;
        this.value = value;
        this.rule = rule;
    }
}
/**
 * A mistake in how the action is used that no retry can fix (two jobs sharing a scope, a secret
 * in the state): it fails the step whatever `fail-on-error` says, as an invalid input does.
 */
class errors_ConfigurationError extends CheckpointError {
}
/** The seed's "no write permission": the store's directory or file cannot be written. */
class CheckpointWriteError extends CheckpointError {
    file;
    constructor(file, cause) {
        super(`Cannot write checkpoint ${file}: ${describe(cause)}`, { cause });
        this.file = file;
    }
}
/** The seed's "corrupt checkpoint file": unreadable JSON, a wrong shape or a digest mismatch. */
class CorruptCheckpointError extends CheckpointError {
    file;
    reason;
    constructor(file, reason, options) {
        super(`Checkpoint ${file} is corrupt: ${reason}`, options);
        this.file = file;
        this.reason = reason;
    }
}
/** A checkpoint written by a newer version of the action: refused, never half-read. */
class UnsupportedSchemaError extends CheckpointError {
    file;
    schema;
    supported;
    constructor(file, schema, supported) {
        super(`Checkpoint ${file} has schema version ${schema}; this version of checkpoint-action reads ` +
            `versions up to ${supported}. Upgrade the action to read it.`);
        this.file = file;
        this.schema = schema;
        this.supported = supported;
    }
}
/** The seed's "missing checkpoint". */
class CheckpointNotFoundError extends CheckpointError {
    file;
    constructor(file) {
        super(`Checkpoint ${file} does not exist`);
        this.file = file;
    }
}
/** Shows a value in a message: quoted, control characters escaped, long values cut. */
function quote(value) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
}
/**
 * The message of anything thrown, Error or not, with its cause when the message leaves it out
 * (fetch says only "fetch failed"; its cause says "connect ECONNREFUSED ...").
 */
function describe(error) {
    if (error instanceof Error) {
        const cause = error.cause instanceof Error ? describe(error.cause) : '';
        return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
    }
    if (typeof error === 'string')
        return error;
    try {
        const text = JSON.stringify(error);
        return text ?? String(error);
    }
    catch {
        return String(error);
    }
}

;// CONCATENATED MODULE: ./src/checkpoint/ids.ts

/** Node ids and scopes: what artifact names, output names and file names can all carry. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** The rule in words, as error messages state it. */
const ID_RULE = 'must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or digit';
/**
 * Checks a node id or scope and returns it unchanged.
 * @param input what the value was given as (an input name such as `node` or `scope`)
 * @throws InvalidInputError naming the input, the value and the rule
 */
function ids_validateId(input, value) {
    if (!ID_PATTERN.test(value))
        throw new errors_InvalidInputError(input, value, ID_RULE);
    return value;
}
/**
 * Finds the id in `known` that equals `id` ignoring case but not exactly: workflow expressions
 * compare output names case-insensitively, so `done-Build` and `done-build` would collide.
 */
function caseCollision(id, known) {
    const folded = id.toLowerCase();
    for (const other of known) {
        if (other !== id && other.toLowerCase() === folded)
            return other;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/checkpoint/naming.ts

/** Every name this project gives an artifact or a file starts with this. */
const NAME_PREFIX = 'checkpoint';
const NAME_PATTERN = /^checkpoint\.([^.]+)\.a(\d{1,9})\.s(\d{1,9})\.([^.]+)\.(json|files|pack)$/;
function stem(ref) {
    const sequence = String(ref.sequence).padStart(3, '0');
    return `${NAME_PREFIX}.${ref.scope}.a${ref.attempt}.s${sequence}.${ref.node}`;
}
/**
 * The name of a checkpoint document, as artifact and as file: `checkpoint.<scope>.a<attempt>.
 * s<sequence>.<node>.json`. Dots cannot occur in ids, so the name parses back unambiguously, and
 * the attempt in it means a re-run never reuses a name (a 409 from the artifact service).
 */
function naming_checkpointName(ref) {
    return `${stem(ref)}.json`;
}
/** The name of the archive holding the files a node added: `<stem>.files`. */
function filesArchiveName(ref) {
    return `${stem(ref)}.files`;
}
/**
 * The name of a pack written by the save of `ref`: `<stem>.pack`, a zip of stored entries holding
 * small archives merged together and checkpoint documents retired from their own artifacts.
 */
function packName(ref) {
    return `${stem(ref)}.pack`;
}
const NAMERS = {
    json: naming_checkpointName,
    files: filesArchiveName,
    pack: packName
};
/** Reads a checkpoint document's name back into its ref; undefined for any other name. */
function parseCheckpointName(name) {
    const parsed = parseArtifactName(name);
    return parsed?.kind === 'json' ? parsed.ref : undefined;
}
/** Reads a document's or a files archive's name back; undefined for others (packs too). */
function parseArtifactName(name) {
    const parsed = parseAnyArtifactName(name);
    return parsed?.kind === 'pack'
        ? undefined
        : parsed;
}
/** Reads a pack's name back into the ref of the save that wrote it; undefined for others. */
function parsePackName(name) {
    const parsed = parseAnyArtifactName(name);
    return parsed?.kind === 'pack' ? parsed.ref : undefined;
}
/** Reads any name this project gives (document, files archive, pack); undefined for others. */
function parseAnyArtifactName(name) {
    const match = NAME_PATTERN.exec(name);
    if (!match)
        return undefined;
    const [, scope = '', attempt = '', sequence = '', node = '', kind = ''] = match;
    if (!ID_PATTERN.test(scope) || !ID_PATTERN.test(node))
        return undefined;
    const ref = { scope, attempt: Number(attempt), sequence: Number(sequence), node };
    const parsed = { ref, kind: kind };
    // One spelling per checkpoint: `a01` or `s1` would name the same one twice.
    return NAMERS[parsed.kind](ref) === name ? parsed : undefined;
}
/**
 * Orders checkpoints oldest first: by attempt, then by sequence. Never by artifact id (not
 * monotonic across attempts) and never by time stamps (second resolution, clock skew).
 */
function compareRefs(a, b) {
    return a.attempt - b.attempt || a.sequence - b.sequence || compareText(a.node, b.node);
}
/**
 * Orders texts by UTF-16 code units: the same order on every machine, whatever its locale, and
 * without the tens of milliseconds a first `localeCompare` takes to load the collation data.
 */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** True when both refs name the same checkpoint. */
function sameRef(a, b) {
    return compareRefs(a, b) === 0 && a.scope === b.scope;
}

;// CONCATENATED MODULE: ./src/checkpoint/safe-paths.ts
/**
 * Workspace-relative paths as a checkpoint records them: forward slashes, no `.` or `..`
 * segments, not absolute, no drive letters (nor UNC paths, which start with a slash), no NUL.
 * Anything else could land outside the root, on some OS. With `platform` 'win32', a path about
 * to be written on Windows must also be one that Windows writes where it says: no name that
 * Windows trims (a trailing dot or space), no character it refuses or reads as a stream
 * (`a:b`), no device name (`CON`, `nul.txt`).
 */
function unsafePathReason(path, platform) {
    if (path.length === 0)
        return 'is empty';
    if (path.includes('\0'))
        return 'contains a NUL byte';
    if (path.includes('\\'))
        return 'contains a backslash';
    if (path.startsWith('/'))
        return 'is absolute';
    if (/^[A-Za-z]:/.test(path))
        return 'starts with a drive letter';
    const segments = path.split('/');
    if (segments.some(segment => segment === '..'))
        return 'contains a ".." segment';
    if (segments.some(segment => segment === '.' || segment === ''))
        return 'is not normalized';
    if (platform === 'win32')
        return windowsNameReason(segments);
    return undefined;
}
/** Names Windows keeps for devices, with any extension: `CON`, `nul.txt`, `COM1`, `lpt9.log`. */
const WINDOWS_DEVICE = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?:\..*)?$/i;
/** Characters Windows refuses in a name (`:` also opens an alternate data stream). */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
/** Control characters (U+0001 to U+001F; NUL is refused everywhere), which Windows refuses too. */
function hasControlCharacter(name) {
    for (let index = 0; index < name.length; index++) {
        if (name.charCodeAt(index) < 0x20)
            return true;
    }
    return false;
}
function windowsNameReason(segments) {
    for (const segment of segments) {
        if (/[. ]$/.test(segment)) {
            return `has a name ending in a dot or a space (${JSON.stringify(segment)}), which Windows drops`;
        }
        if (WINDOWS_FORBIDDEN.test(segment) || hasControlCharacter(segment)) {
            return `has a name with a character Windows does not allow (${JSON.stringify(segment)})`;
        }
        if (WINDOWS_DEVICE.test(segment)) {
            return `has a name Windows keeps for a device (${JSON.stringify(segment)})`;
        }
    }
    return undefined;
}
/** True when `path` is a safe workspace-relative path (see {@link unsafePathReason}). */
function isSafeRelativePath(path, platform) {
    return unsafePathReason(path, platform) === undefined;
}

;// CONCATENATED MODULE: ./src/checkpoint/state.ts

const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const STATE_RULE = 'must be a JSON object, or key=value lines (one per line, keys like my_key)';
/** True for a plain JSON object (not null, not an array). */
function isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Parses state as users write it in YAML: a JSON object, or `key=value` lines whose values are
 * strings. Blank lines are ignored; a repeated key is an error rather than a silent overwrite.
 * @param input the input's name, for the error message
 */
function parseStateText(input, text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return {};
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return parseJsonObject(input, trimmed);
    const state = {};
    for (const [index, rawLine] of trimmed.split(/\r?\n/).entries()) {
        const line = rawLine.trim();
        if (line === '')
            continue;
        const equals = line.indexOf('=');
        const key = equals > 0 ? line.slice(0, equals).trim() : '';
        if (!KEY_PATTERN.test(key)) {
            throw new InvalidInputError(input, text, `line ${index + 1} ${JSON.stringify(line)}: ${STATE_RULE}`);
        }
        if (Object.hasOwn(state, key)) {
            throw new InvalidInputError(input, text, `line ${index + 1} repeats the key '${key}'`);
        }
        if (FORBIDDEN_KEYS.has(key)) {
            throw new InvalidInputError(input, text, `line ${index + 1} has the key '${key}': ${FORBIDDEN_KEY_RULE}`);
        }
        defineKey(state, key, line.slice(equals + 1).trim());
    }
    return state;
}
/** How deep state may nest: a checkpoint adds two levels and is refused beyond 200. */
const MAX_STATE_DEPTH = 198;
function parseJsonObject(input, text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new InvalidInputError(input, text, `${STATE_RULE} (${error.message})`);
    }
    if (!isJsonObject(value))
        throw new InvalidInputError(input, text, STATE_RULE);
    const problem = stateProblem(value);
    if (problem)
        throw new InvalidInputError(input, text, problem);
    return value;
}
/**
 * Why a state may not be saved (a key of {@link FORBIDDEN_KEYS} at any depth, or nesting deeper
 * than {@link MAX_STATE_DEPTH}), or undefined: the one check of every state a save is given.
 */
function stateProblem(state) {
    const scan = scanJson(state, MAX_STATE_DEPTH);
    if (scan.forbidden) {
        return `holds the key '${scan.forbidden.key}' at ${scan.forbidden.path}: ${FORBIDDEN_KEY_RULE}`;
    }
    if (scan.depth > MAX_STATE_DEPTH)
        return `nests deeper than ${MAX_STATE_DEPTH} levels, the most a state may`;
    return undefined;
}
/**
 * Keys refused in state at any depth: code that assigns or merges a restored state
 * (`Object.assign(target, state)`, `target[key] = value`) would change an object's prototype
 * through them. JSON.parse keeps them as plain data; the checkpoint's consumers may not.
 */
const FORBIDDEN_KEYS = new Set([
    '__proto__',
    'constructor',
    'prototype'
]);
/** Why a forbidden key is refused, for error messages. */
const FORBIDDEN_KEY_RULE = 'keys named __proto__, constructor or prototype are refused at any depth (merged into an object, they change its prototype)';
/**
 * Walks a JSON value once: its nesting depth and its first forbidden key. The save side checks
 * what users give as state with it, the restore side every document it reads.
 */
function scanJson(value, stopAbove) {
    if (typeof value !== 'object' || value === null)
        return { depth: 0 };
    const walk = { stopAbove, trail: [] };
    const depth = depthBelow(value, 1, walk);
    return { depth, forbidden: walk.forbidden };
}
/**
 * The nesting depth of a JSON value, counted up to `stopAbove` + 1: deeper values are not walked
 * further, so the recursion never goes more than `stopAbove` + 1 calls deep, however deep the
 * value. One pass without allocation: a 50 MB state takes tens of milliseconds.
 */
function nestingDepth(value, stopAbove) {
    return scanJson(value, stopAbove).depth;
}
/** A path as the messages show it: `a.b[2].c`. */
function pathText(trail, key) {
    let text = '';
    for (const step of [...trail, key]) {
        text += typeof step === 'number' ? `[${step}]` : text === '' ? step : `.${step}`;
    }
    return text;
}
function depthBelow(node, depth, walk) {
    if (depth > walk.stopAbove)
        return depth;
    let deepest = depth;
    if (Array.isArray(node)) {
        const items = node;
        for (let index = 0; index < items.length; index++) {
            const child = items[index];
            if (typeof child !== 'object' || child === null)
                continue;
            deepest = Math.max(deepest, depthOfChild(child, index, depth, walk));
            if (deepest > walk.stopAbove)
                return deepest;
        }
        return deepest;
    }
    // for-in walks the keys without building an array per object (half the time on large
    // states); inherited keys are passed over, as JSON.stringify passes them over.
    const record = node;
    for (const key in record) {
        if (!Object.hasOwn(record, key))
            continue;
        if (walk.forbidden === undefined && FORBIDDEN_KEYS.has(key)) {
            walk.forbidden = { key, path: pathText(walk.trail, key) };
        }
        const child = record[key];
        if (typeof child !== 'object' || child === null)
            continue;
        deepest = Math.max(deepest, depthOfChild(child, key, depth, walk));
        if (deepest > walk.stopAbove)
            return deepest;
    }
    return deepest;
}
/** The depth below an object or array child, its step on the trail while it is walked. */
function depthOfChild(child, step, depth, walk) {
    walk.trail.push(step);
    const deepest = depthBelow(child, depth + 1, walk);
    walk.trail.pop();
    return deepest;
}
const stateTexts = new WeakMap();
/**
 * `JSON.stringify(state)`, computed once per state object: the digest, the document, the
 * outputs and the job context all use the same text. States are never changed once built
 * (every merge makes a new object), so the text stays true to the object.
 */
function stateJson(state) {
    let text = stateTexts.get(state);
    if (text === undefined) {
        text = JSON.stringify(state);
        stateTexts.set(state, text);
    }
    return text;
}
/**
 * Records `text` as the JSON of `state`, when the caller knows that `JSON.stringify(state)`
 * gives exactly it (e.g. a digest over the text matched one computed over the stringified
 * state), so it is not serialized again.
 */
function rememberStateJson(state, text) {
    stateTexts.set(state, text);
}
/**
 * {@link mergeStates} of two states, or the one that is not empty as it is (no copy, and its
 * JSON text, when known, is kept).
 */
function overlayStates(under, over) {
    if (!hasKeys(under))
        return hasKeys(over) ? over : {};
    if (!hasKeys(over))
        return under;
    return mergeStates(under, over);
}
function hasKeys(state) {
    for (const key in state)
        if (Object.hasOwn(state, key))
            return true;
    return false;
}
/**
 * Merges states shallowly, later ones winning. Keys are defined, never assigned, so a key named
 * `__proto__` stays data and cannot reach Object.prototype.
 */
function mergeStates(...states) {
    const merged = {};
    for (const state of states) {
        for (const key of Object.keys(state))
            defineKey(merged, key, state[key] ?? null);
    }
    return merged;
}
/**
 * A state of these keys and values, in their order, a later value of a key winning. Keys are
 * defined as in {@link mergeStates}, so a key named `__proto__` stays data.
 */
function stateFromEntries(entries) {
    const state = {};
    for (const [key, value] of entries)
        defineKey(state, key, value);
    return state;
}
function defineKey(target, key, value) {
    Object.defineProperty(target, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true
    });
}

;// CONCATENATED MODULE: ./src/checkpoint/document.ts






/** The schema version this code writes and the newest it reads. */
const SCHEMA_VERSION = 1;
/** Marks a JSON document as a checkpoint, for tools that find one in a folder of downloads. */
const CHECKPOINT_KIND = 'checkpoint-action/checkpoint';
/** How deep state may nest: deeper documents are refused before anything recurses over them. */
const MAX_DEPTH = 200;
/** Computes the digest of a body: sha256 of its canonical JSON. */
function digestOf(body) {
    // State can be tens of MB: canonical form costs several times JSON.stringify on it. Its
    // compact JSON text, which JSON.parse then JSON.stringify reproduce exactly, is hashed
    // instead, and only the envelope is put in canonical form.
    const state = body.state;
    const stateText = isJsonObject(state)
        ? stateJson(state)
        : (JSON.stringify(state) ?? 'null');
    return digestWithStateText(body, stateText);
}
/** {@link digestOf}, given the state's JSON text. */
function digestWithStateText(body, stateText) {
    const { digest: _digest, signature: _signature, state: _state, ...rest } = body;
    return canonical_sha256Digest(canonicalJson({ ...rest, stateDigest: canonical_sha256Digest(stateText) }));
}
/** Seals a body with its digest. */
function sealCheckpoint(body) {
    return { ...body, digest: digestOf(body) };
}
/** Separates the envelope, indented, from the state, compact and last, in a document's text. */
const STATE_MARKER = '\n  "state": ';
/**
 * The document as written to disk and uploaded: the envelope indented, so it opens well in an
 * editor, and the state compact and last, so a large state costs its own size, not twice it.
 */
function serializeCheckpoint(document) {
    const { state, ...envelope } = document;
    const text = JSON.stringify(envelope, null, 2);
    const stateText = isJsonObject(state) ? stateJson(state) : JSON.stringify(state);
    if (text === '{}')
        return `{${STATE_MARKER}${stateText}\n}\n`;
    return `${text.slice(0, -2)},${STATE_MARKER}${stateText}\n}\n`;
}
/**
 * Parses and verifies a checkpoint: JSON, schema version, shape, digest, and (when `expected` is
 * given) that it is the checkpoint its name says, so a renamed or replayed file is refused.
 * @param source names the file or artifact in error messages
 * @throws CorruptCheckpointError or UnsupportedSchemaError
 */
function document_parseCheckpoint(text, source, expected) {
    const parsed = parseDocumentJson(text, source);
    return parseCheckpointValue(parsed.value, source, expected, parsed.stateText);
}
/**
 * JSON.parse of a document, in two parts when it is laid out as {@link serializeCheckpoint}
 * writes it: the envelope, then the state's text on its own, which is kept so that a digest
 * over it needs no serializing and the state file and job context can be written from it.
 * Otherwise (or when a part does not parse) the whole text, as any JSON. Both give the same
 * value: when the envelope without its last member parses as an object and the state's text as
 * a value, the whole text is that object with the member `"state"` set to that value.
 */
function parseDocumentJson(text, source) {
    const split = splitState(text);
    if (split) {
        try {
            const envelope = JSON.parse(split.envelope);
            if (isJsonObject(envelope) && Object.keys(envelope).length > 0) {
                const state = JSON.parse(split.state);
                Object.defineProperty(envelope, 'state', {
                    value: state,
                    enumerable: true,
                    writable: true,
                    configurable: true
                });
                return { value: envelope, stateText: split.state };
            }
        }
        catch {
            // Not in the writer's layout after all: parsed whole below, with its error if any.
        }
    }
    return { value: parseJson(text, source) };
}
function splitState(text) {
    const at = text.lastIndexOf(STATE_MARKER);
    if (at <= 0 || text.charCodeAt(at - 1) !== 0x2c /* , */)
        return undefined;
    const end = text.endsWith('\n}\n') ? text.length - 3 : text.endsWith('\n}') ? text.length - 2 : -1;
    if (end < at + STATE_MARKER.length)
        return undefined;
    return {
        envelope: `${text.slice(0, at - 1)}\n}`,
        state: text.slice(at + STATE_MARKER.length, end)
    };
}
/** JSON.parse with the failure reported as a corrupt checkpoint. */
function parseJson(text, source) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new CorruptCheckpointError(source, `not valid JSON (${error.message})`);
    }
}
/** Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them. */
function decodeUtf8(bytes, source) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new CorruptCheckpointError(source, 'not valid UTF-8');
    }
}
/** {@link parseCheckpoint} over an already parsed JSON value. */
function parseCheckpointValue(value, source, expected, stateText) {
    if (!isJsonObject(value) || value.kind !== CHECKPOINT_KIND) {
        throw new CorruptCheckpointError(source, `not a checkpoint (no "kind": "${CHECKPOINT_KIND}")`);
    }
    const schema = value.schema;
    if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
        throw new CorruptCheckpointError(source, 'its "schema" is not a positive integer');
    }
    if (schema > SCHEMA_VERSION)
        throw new UnsupportedSchemaError(source, schema, SCHEMA_VERSION);
    // One walk, before anything else recurses over the value: its depth, and keys that a
    // consumer merging the restored state would turn into a prototype change.
    const scan = scanJson(value, MAX_DEPTH);
    if (scan.depth > MAX_DEPTH) {
        throw new CorruptCheckpointError(source, `it nests deeper than ${MAX_DEPTH} levels`);
    }
    if (scan.forbidden) {
        const { key, path } = scan.forbidden;
        throw new CorruptCheckpointError(source, `it holds the key '${key}' at ${path}: ${FORBIDDEN_KEY_RULE}`);
    }
    const document = value;
    const problem = shapeProblem(document);
    if (problem)
        throw new CorruptCheckpointError(source, problem);
    if (!digestMatches(document, stateText)) {
        throw new CorruptCheckpointError(source, 'its digest does not match its content');
    }
    if (expected && naming_checkpointName(expected) !== naming_checkpointName(document)) {
        throw new CorruptCheckpointError(source, `its content is ${naming_checkpointName(document)}`);
    }
    return document;
}
/**
 * Whether the document's digest covers its content. With the state's text as it was read, the
 * digest over that text is tried first: when it matches, the writer digested exactly that text
 * as `JSON.stringify(state)`, so the text is remembered as the state's JSON and never computed.
 */
function digestMatches(document, stateText) {
    if (stateText !== undefined && digestWithStateText(document, stateText) === document.digest) {
        rememberStateJson(document.state, stateText);
        return true;
    }
    return digestOf(document) === document.digest;
}
function shapeProblem(document) {
    if (!isId(document.scope))
        return 'its "scope" is not a valid id';
    if (!isId(document.node))
        return 'its "node" is not a valid id';
    if (!isCount(document.attempt) || document.attempt < 1)
        return 'its "attempt" is not valid';
    if (!isCount(document.sequence) || document.sequence < 1)
        return 'its "sequence" is not valid';
    if (!isJsonObject(document.state))
        return 'its "state" is not an object';
    if (!isRunInfo(document.run))
        return 'its "run" is malformed';
    if (typeof document.digest !== 'string')
        return 'it has no "digest"';
    if (typeof document.createdAt !== 'string')
        return 'its "createdAt" is not a string';
    if (document.parent !== undefined && typeof document.parent !== 'string') {
        return 'its "parent" is not a string';
    }
    if (document.signature !== undefined && typeof document.signature !== 'string') {
        return 'its "signature" is not a string';
    }
    if (!Array.isArray(document.nodes) || !document.nodes.every(isNodeRecord)) {
        return 'its "nodes" list is malformed';
    }
    if (document.partials !== undefined &&
        (!Array.isArray(document.partials) || !document.partials.every(isPartialRecord))) {
        return 'its "partials" list is malformed';
    }
    if (!Array.isArray(document.archives) || !document.archives.every(isArchiveRecord)) {
        return 'its "archives" list is malformed';
    }
    if (!Array.isArray(document.files))
        return 'its "files" list is malformed';
    return filesProblem(document.files, new Set(document.archives.map(archive => archive.name)));
}
function filesProblem(files, archives) {
    const seen = new Set();
    const links = new Set();
    const linkTargets = new Map();
    for (const file of files) {
        if (!isFileRecord(file))
            return 'its "files" list is malformed';
        const unsafe = unsafePathReason(file.path);
        if (unsafe)
            return `file path ${JSON.stringify(file.path)} ${unsafe}`;
        if (file.mode > 0o777) {
            return `file ${JSON.stringify(file.path)} has mode ${file.mode.toString(8)}: only permission bits (up to 777) are ever saved`;
        }
        const escape = file.link === undefined ? undefined : linkProblem(file.path, file.link);
        if (escape)
            return `link ${JSON.stringify(file.path)} ${escape}`;
        if (seen.has(file.path))
            return `file ${JSON.stringify(file.path)} is listed twice`;
        if (file.link === undefined && !archives.has(file.archive ?? '')) {
            return `file ${JSON.stringify(file.path)} has no archive`;
        }
        if (file.link !== undefined) {
            links.add(file.path);
            linkTargets.set(file.path, file.link);
        }
        seen.add(file.path);
    }
    const through = [...links].find(path => resolveThroughLinks(path, linkTargets) === undefined);
    if (through)
        return `link ${JSON.stringify(through)} leads outside the workspace through other links`;
    for (const path of seen) {
        const parts = path.split('/');
        for (let end = 1; end < parts.length; end++) {
            const folder = parts.slice(0, end).join('/');
            if (links.has(folder))
                return `file ${JSON.stringify(path)} lies under the link ${JSON.stringify(folder)}`;
            if (seen.has(folder))
                return `${JSON.stringify(folder)} is listed both as a file and as a folder`;
        }
    }
    return undefined;
}
/**
 * Resolves a workspace path as the file system would, following the manifest's own links:
 * undefined when it climbs above the workspace. A loop stops after 40 links.
 */
function resolveThroughLinks(path, links) {
    let pending = path.split('/');
    const resolved = [];
    let hops = 0;
    while (pending.length > 0) {
        const segment = pending.shift() ?? '';
        if (segment === '' || segment === '.')
            continue;
        if (segment === '..') {
            if (resolved.pop() === undefined)
                return undefined;
            continue;
        }
        resolved.push(segment);
        const target = links.get(resolved.join('/'));
        if (target === undefined)
            continue;
        // A loop never resolves, on disk either (ELOOP): harmless, as long as no step climbed out.
        if (++hops > 40)
            return resolved;
        resolved.pop();
        pending = [...target.split('/'), ...pending];
    }
    return resolved;
}
/** Why a link's target would leave the workspace, read as text from the link's folder. */
function linkProblem(path, target) {
    if (target === '' || target.includes('\0') || target.includes('\\'))
        return 'has a malformed target';
    if (target.startsWith('/') || /^[A-Za-z]:/.test(target))
        return `points to the absolute path ${JSON.stringify(target)}`;
    const depth = path.split('/').length - 1;
    let level = depth;
    for (const segment of target.split('/')) {
        if (segment === '..')
            level--;
        else if (segment !== '.' && segment !== '')
            level++;
        if (level < 0)
            return `points to ${JSON.stringify(target)}, outside the workspace`;
    }
    return undefined;
}
function isId(value) {
    return typeof value === 'string' && ID_PATTERN.test(value);
}
function isEntry(value) {
    if (!isJsonObject(value))
        return false;
    const entry = value;
    return (typeof entry.name === 'string' &&
        unsafePathReason(entry.name) === undefined &&
        isCount(entry.size) &&
        typeof entry.sha256 === 'string');
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function isNodeRecord(value) {
    if (!isJsonObject(value))
        return false;
    const record = value;
    return (isId(record.id) &&
        isCount(record.sequence) &&
        isCount(record.attempt) &&
        typeof record.runId === 'string' &&
        typeof record.savedAt === 'string' &&
        (record.durationMs === undefined || isCount(record.durationMs)) &&
        (record.fingerprint === undefined || isStringRecord(record.fingerprint)) &&
        (record.added === undefined || isAdditions(record.added)) &&
        (record.replaced === undefined || isReplaced(record.replaced)));
}
function isStringList(value) {
    return Array.isArray(value) && value.every(item => typeof item === 'string');
}
function isAdditions(value) {
    if (!isJsonObject(value))
        return false;
    const { state, links } = value;
    return isStringList(state) && (links === undefined || isStringList(links));
}
/** Replaced files may be placed again: they pass the same checks as the manifest's. */
function isReplaced(value) {
    if (!isJsonObject(value))
        return false;
    const { state, files } = value;
    if (state !== undefined && !isJsonObject(state))
        return false;
    if (files === undefined)
        return true;
    return (Array.isArray(files) &&
        files.every(file => isFileRecord(file) &&
            unsafePathReason(file.path) === undefined &&
            (file.link === undefined || linkProblem(file.path, file.link) === undefined)));
}
function isStringRecord(value) {
    return isJsonObject(value) && Object.values(value).every(item => typeof item === 'string');
}
const RUN_TEXT_FIELDS = ['repository', 'workflow', 'job', 'sha', 'ref'];
function isRunInfo(value) {
    if (!isJsonObject(value))
        return false;
    const run = value;
    return (typeof run.runId === 'string' &&
        isCount(run.attempt) &&
        RUN_TEXT_FIELDS.every(field => run[field] === undefined || typeof run[field] === 'string'));
}
const PACKINGS = new Set(['zip-stored', 'zip-deflate', 'zip-encrypted']);
function isPartialRecord(value) {
    return isNodeRecord(value) && isJsonObject(value.state);
}
function isArchiveRecord(value) {
    return (isJsonObject(value) &&
        typeof value.name === 'string' &&
        typeof value.runId === 'string' &&
        isCount(value.size) &&
        typeof value.digest === 'string' &&
        typeof value.packing === 'string' &&
        PACKINGS.has(value.packing) &&
        (value.cache === undefined || typeof value.cache === 'string') &&
        (value.pack === undefined || typeof value.pack === 'string'));
}
function isFileRecord(item) {
    if (!isJsonObject(item))
        return false;
    const value = item;
    return (typeof value.path === 'string' &&
        isCount(value.size) &&
        typeof value.sha256 === 'string' &&
        isCount(value.mode) &&
        (value.archive === undefined || typeof value.archive === 'string') &&
        (value.entry === undefined || isEntry(value.entry)) &&
        (value.link === undefined || typeof value.link === 'string'));
}
/** The ref a document carries. */
function refOf(document) {
    const { scope, attempt, sequence, node } = document;
    return { scope, attempt, sequence, node };
}

;// CONCATENATED MODULE: ./src/checkpoint/path-index.ts
/**
 * Workspace paths (`/` between folders) held by path, each found with whatever clashes with it
 * (the same path, one of its folders, or a path under it) in time proportional to the clashes
 * and the path's depth, not to how many paths are held: a save of 10,000 files over a checkpoint
 * of 10,000 more stays linear.
 */
class PathIndex {
    byPath = new Map();
    /** For each folder, the held paths under it (at any depth). */
    below = new Map();
    added = 0;
    constructor(items = []) {
        for (const item of items)
            this.set(item);
    }
    /** Holds `item` at its path, in place of what was there (which keeps its place in the order). */
    set(item) {
        const held = this.byPath.get(item.path);
        this.byPath.set(item.path, { item, order: held?.order ?? this.added++ });
        if (held)
            return;
        for (const folder of foldersOf(item.path)) {
            let under = this.below.get(folder);
            if (!under) {
                under = new Set();
                this.below.set(folder, under);
            }
            under.add(item.path);
        }
    }
    delete(path) {
        if (!this.byPath.delete(path))
            return;
        for (const folder of foldersOf(path))
            this.below.get(folder)?.delete(path);
    }
    /** The held items that cannot share a workspace with `path`, in the order they were added. */
    clashing(path) {
        const paths = [path, ...foldersOf(path), ...(this.below.get(path) ?? [])];
        return paths
            .map(held => this.byPath.get(held))
            .filter(held => held !== undefined)
            .sort((a, b) => a.order - b.order)
            .map(held => held.item);
    }
    /** Every held item, in the order they were added. */
    items() {
        return [...this.byPath.values()].map(held => held.item);
    }
}
/** The folders a path lies in, outermost first: `a/b/c` → `a`, `a/b`. */
function foldersOf(path) {
    const folders = [];
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        folders.push(path.slice(0, slash));
    }
    return folders;
}

;// CONCATENATED MODULE: ./src/checkpoint/contribution.ts




const EMPTY = { nodes: [], state: {}, files: [] };
const NONE = new Set();
/**
 * Adds a node's part to a pipeline, its state keys and files winning. What it replaces of
 * another node's part is kept in that node's record. A partial part (a node stopped part-way)
 * adds its files only: its state is progress, not the node's result.
 *
 * `parallel` names the nodes saved while this one ran (parallel steps of one job). Between
 * those, the order they were saved in is chance, so it does not decide: a state key or a file
 * that several of them wrote keeps the value of the node whose id sorts last, and the others'
 * values are kept in their records as replaced, as if the nodes had been saved in id order.
 */
function addPart(pipeline, part, partial = false, parallel = NONE) {
    const nodes = pipeline.nodes.map(node => ({ ...node }));
    const outranks = outranking(part.record.id, parallel);
    const { files, removed, yielded } = mergeOwnFiles(pipeline.files, part.files, nodes, outranks);
    for (const file of removed)
        keepReplacedFile(nodes, file, part.record.id);
    if (partial)
        return { nodes, state: pipeline.state, files };
    const writers = currentWriters(nodes, part.state);
    const yieldedKeys = Object.keys(part.state).filter(key => outranks(writers.get(key)));
    const state = withoutKeys(part.state, yieldedKeys);
    keepReplacedState(pipeline.state, writers, part.record.id, new Set(yieldedKeys));
    const { replaced: _replaced, ...record } = part.record;
    const own = {
        ...record,
        added: additionsOf(part),
        ...replacedOf(pickKeys(part.state, yieldedKeys), yielded)
    };
    return { nodes: upsertNode(nodes, own), state: overlayStates(pipeline.state, state), files };
}
/**
 * Records in each earlier writer the values of the keys node `id` now replaces (all but the
 * `yielded` ones), gathered per writer first so that each record is rebuilt once, however many
 * keys it loses.
 */
function keepReplacedState(held, writers, id, yielded) {
    const lost = new Map();
    for (const [key, writer] of writers) {
        if (writer.id === id || !Object.hasOwn(held, key) || yielded.has(key))
            continue;
        const values = lost.get(writer) ?? [];
        values.push([key, held[key] ?? null]);
        lost.set(writer, values);
    }
    for (const [writer, values] of lost) {
        const state = mergeStates(writer.replaced?.state ?? {}, stateFromEntries(values));
        writer.replaced = { ...writer.replaced, state };
    }
}
/** Whether a writer is a parallel node whose id sorts after `id`, and so wins over it. */
function outranking(id, parallel) {
    return writer => writer !== undefined && parallel.has(writer.id) && writer.id > id;
}
/**
 * Merges a node's files over the pipeline's (see mergeFiles), except where a node that outranks
 * it wrote a clashing path: in id order that node came later and displaced the file, so the
 * file is `yielded` (even if the other node's file has given way since), and the outranking
 * node's file, if the pipeline still holds it, stays. What a yielded file had displaced stays
 * displaced, as in id order it would be.
 */
function mergeOwnFiles(held, own, nodes, outranks) {
    const merged = mergeFiles(held, own);
    // No node outranks this one (no parallel node): no file's writer need be looked up.
    if (!nodes.some(outranks))
        return { ...merged, yielded: [] };
    const winners = merged.removed.filter(file => outranks(writerOf(file, nodes)));
    const written = [
        ...held.filter(file => outranks(writerOf(file, nodes))),
        ...nodes.filter(node => outranks(node)).flatMap(node => node.replaced?.files ?? [])
    ];
    const writtenPaths = new PathIndex(written);
    const yielded = own.filter(file => writtenPaths.clashing(file.path).length > 0);
    if (yielded.length === 0)
        return { ...merged, yielded };
    const files = [...merged.files.filter(file => !yielded.includes(file)), ...winners];
    return {
        files: files.sort(comparePaths),
        removed: merged.removed.filter(file => !winners.includes(file)),
        yielded
    };
}
function replacedOf(state, files) {
    const replaced = {
        ...(Object.keys(state).length > 0 ? { state } : {}),
        ...(files.length > 0 ? { files } : {})
    };
    return replaced.state || replaced.files ? { replaced } : {};
}
function pickKeys(state, keys) {
    return stateFromEntries(keys.map(key => [key, state[key] ?? null]));
}
/** `state` without `keys`; `state` itself when there are none, so its JSON text is kept. */
function withoutKeys(state, keys) {
    if (keys.length === 0)
        return state;
    const dropped = new Set(keys);
    return pickKeys(state, Object.keys(state).filter(key => !dropped.has(key)));
}
function additionsOf(part) {
    const links = part.files.filter(file => file.link !== undefined).map(file => file.path);
    return { state: Object.keys(part.state), ...(links.length > 0 ? { links } : {}) };
}
/** The node whose value the cumulative state holds, for each key of `state` that has one. */
function currentWriters(nodes, state) {
    const writers = new Map();
    const wanted = Object.keys(state);
    if (wanted.length === 0)
        return writers;
    for (const node of [...nodes].sort(bySequence)) {
        const replaced = node.replaced?.state ?? {};
        for (const key of node.added?.state ?? []) {
            if (!Object.hasOwn(replaced, key))
                writers.set(key, node);
        }
    }
    const keys = new Set(wanted);
    for (const key of writers.keys())
        if (!keys.has(key))
            writers.delete(key);
    return writers;
}
function keepReplacedFile(nodes, file, by) {
    const writer = writerOf(file, nodes);
    if (!writer || writer.id === by)
        return;
    const files = (writer.replaced?.files ?? []).filter(kept => kept.path !== file.path);
    writer.replaced = { ...writer.replaced, files: [...files, file] };
}
/** The node that wrote a file: the node of its archive, or the last one that saved the link. */
function writerOf(file, nodes) {
    if (file.archive !== undefined) {
        const id = parseArtifactName(file.archive)?.ref.node;
        return nodes.find(node => node.id === id);
    }
    return nodes
        .filter(node => node.added?.links?.includes(file.path))
        .filter(node => !node.replaced?.files?.some(kept => kept.path === file.path))
        .sort(bySequence)
        .at(-1);
}
function bySequence(a, b) {
    return a.sequence - b.sequence;
}
/** A node saved again keeps its place: the list stays in the order nodes were first done. */
function upsertNode(nodes, record) {
    const index = nodes.findIndex(node => node.id === record.id);
    if (index < 0)
        return [...nodes, record];
    return nodes.map((node, position) => (position === index ? record : node));
}
/**
 * Later files replace earlier ones at the same path, and earlier ones a later file shows were
 * replaced by a folder (or a folder replaced by a file): the newest node's view of the
 * workspace wins, so the manifest never lists a path as both. Sorted by path; `removed` are
 * the earlier records that gave way.
 */
function mergeFiles(earlier, later) {
    const held = new PathIndex(earlier);
    const fromLater = new Set(later);
    const removed = [];
    for (const file of later) {
        for (const old of held.clashing(file.path)) {
            held.delete(old.path);
            if (!fromLater.has(old))
                removed.push(old);
        }
        held.set(file);
    }
    return { files: held.items().sort(comparePaths), removed };
}
function comparePaths(a, b) {
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
/**
 * The parts of the nodes `ids` as a checkpoint records them, in the order they were written.
 * Nodes that do not record what they added (checkpoints of older versions) have no part.
 */
function partsOf(document, ids) {
    const byWriter = new Map();
    for (const file of document.files) {
        const writer = writerOf(file, document.nodes);
        if (writer)
            byWriter.set(writer.id, [...(byWriter.get(writer.id) ?? []), file]);
    }
    return document.nodes
        .filter(node => ids.has(node.id) && node.added !== undefined)
        .sort(bySequence)
        .map(node => ({
        record: node,
        state: valuesOf(node, document.state),
        files: [...(byWriter.get(node.id) ?? []), ...(node.replaced?.files ?? [])]
    }));
}
function valuesOf(node, state) {
    const replaced = node.replaced?.state ?? {};
    const values = [];
    for (const key of node.added?.state ?? []) {
        const from = Object.hasOwn(replaced, key) ? replaced : state;
        if (Object.hasOwn(from, key))
            values.push([key, from[key] ?? null]);
    }
    return stateFromEntries(values);
}
/**
 * The checkpoint with only the nodes `ids`: their state, files and archives, as if the other
 * nodes had never run. It keeps the checkpoint's name; partial progress is left out.
 */
function restrictTo(document, ids) {
    const pipeline = partsOf(document, new Set(ids)).reduce((built, part) => addPart(built, part), EMPTY);
    return sealCheckpoint({
        ...envelopeOf(document),
        ...pipeline,
        archives: archivesUsed(document.archives, pipeline)
    });
}
/**
 * Adds the nodes of `part` (a checkpoint restricted to them, from another run or the cache) to
 * the job's checkpoint: their records, state and files win over what `base` has of them.
 */
function mergeInto(base, part) {
    if (!base)
        return part;
    const ids = new Set(part.nodes.map(node => node.id));
    // An archive of the same name in base is a node taken again: its old files give way.
    const taken = new Set(part.archives.map(archive => archive.name));
    const start = {
        nodes: base.nodes,
        state: base.state,
        files: base.files.filter(file => !taken.has(file.archive ?? ''))
    };
    const pipeline = partsOf(part, ids).reduce((built, item) => addPart(built, item), start);
    const archives = [...base.archives.filter(archive => !taken.has(archive.name)), ...part.archives];
    const theirs = part.partials ?? [];
    const partials = [
        ...(base.partials ?? []).filter(partial => !ids.has(partial.id) && !theirs.some(their => their.id === partial.id)),
        ...theirs
    ];
    return sealCheckpoint({
        ...envelopeOf(base),
        sequence: Math.max(base.sequence, part.sequence),
        ...pipeline,
        archives: archivesUsed(archives, pipeline),
        ...(partials.length > 0 ? { partials } : {})
    });
}
/**
 * The progress a node recorded when it was stopped, alone: its partial record and the files of
 * its own archives, no node done and no state. Undefined when the checkpoint has none of it.
 */
function partialPart(document, id) {
    const partial = document.partials?.find(item => item.id === id);
    if (!partial)
        return undefined;
    const files = document.files.filter(file => file.archive !== undefined && parseArtifactName(file.archive)?.ref.node === id);
    const pipeline = { nodes: [], state: {}, files };
    return sealCheckpoint({
        ...envelopeOf(document),
        ...pipeline,
        archives: archivesUsed(document.archives, pipeline),
        partials: [partial]
    });
}
function envelopeOf(document) {
    const { kind, schema, scope, node, sequence, attempt, run, createdAt, parent } = document;
    return {
        kind,
        schema,
        scope,
        node,
        sequence,
        attempt,
        run,
        createdAt,
        ...(parent ? { parent } : {})
    };
}
/** The archives that files of the pipeline, replaced ones included, are in. */
function archivesUsed(archives, pipeline) {
    const used = new Set();
    for (const file of pipeline.files)
        if (file.archive)
            used.add(file.archive);
    for (const node of pipeline.nodes) {
        for (const file of node.replaced?.files ?? [])
            if (file.archive)
                used.add(file.archive);
    }
    return archives.filter(archive => used.has(archive.name));
}

;// CONCATENATED MODULE: ./src/checkpoint/progress.ts



/**
 * The checkpoint after a node: the previous one (`base`) extended with the node's state, files
 * and record. The sequence follows the base's, so (attempt, sequence) orders checkpoints even
 * when attempts restore from different bases.
 */
function nextCheckpoint(base, result) {
    const now = (result.now ?? new Date()).toISOString();
    const sequence = (base?.sequence ?? 0) + 1;
    const record = {
        id: result.node,
        sequence,
        attempt: result.run.attempt,
        runId: result.run.runId,
        savedAt: now,
        ...(result.durationMs === undefined ? {} : { durationMs: Math.round(result.durationMs) }),
        ...(result.fingerprint === undefined ? {} : { fingerprint: result.fingerprint })
    };
    const pipeline = addPart({ nodes: base?.nodes ?? [], state: base?.state ?? {}, files: base?.files ?? [] }, { record, state: result.state, files: result.files ?? [] }, result.partial === true, savedWhileRunning(base, result));
    const archives = [...(base?.archives ?? []), ...(result.archive ? [result.archive] : [])];
    const partials = (base?.partials ?? []).filter(partial => partial.id !== result.node);
    const body = {
        kind: CHECKPOINT_KIND,
        schema: SCHEMA_VERSION,
        scope: result.scope,
        node: result.node,
        sequence,
        attempt: result.run.attempt,
        run: result.run,
        createdAt: now,
        ...(base ? { parent: naming_checkpointName(base) } : {}),
        ...pipeline,
        archives: archivesUsed(archives, pipeline)
    };
    if (result.partial)
        partials.push({ ...partialOf(record), state: result.state });
    return sealCheckpoint(partials.length > 0 ? { ...body, partials } : body);
}
/** Ids of the nodes of the same attempt saved after `result`'s step started. */
function savedWhileRunning(base, result) {
    const { startedAt, run, node } = result;
    if (startedAt === undefined || !base)
        return new Set();
    const since = base.nodes.filter(done => done.runId === run.runId &&
        done.attempt === run.attempt &&
        Date.parse(done.savedAt) > startedAt.getTime() &&
        done.id !== node);
    return new Set(since.map(done => done.id));
}
function partialOf(record) {
    const { id, sequence, attempt, runId, savedAt, fingerprint } = record;
    return { id, sequence, attempt, runId, savedAt, ...(fingerprint ? { fingerprint } : {}) };
}
/**
 * The checkpoint as this attempt should build on it when some nodes must run again: those
 * nodes are no longer done (their files and the cumulative state stay).
 */
function withoutNodes(document, ids) {
    const drop = new Set(ids);
    return sealCheckpoint({ ...document, nodes: document.nodes.filter(node => !drop.has(node.id)) });
}
/** Ids of the nodes a checkpoint records as stopped part-way. */
function partialNodes(document) {
    return (document?.partials ?? []).map(partial => partial.id);
}
/** Ids of the nodes a checkpoint records as done, in the order they were first done. */
function completedNodes(document) {
    return (document?.nodes ?? []).map(node => node.id);
}

;// CONCATENATED MODULE: ./src/checkpoint/invalidation.ts

/**
 * Applies `rerun` and `rerun-from` to a restored checkpoint. Nodes are in the order they were
 * first done, so "every node after X" is the tail of the list from X on.
 */
function invalidate(document, request) {
    const known = document.nodes.map(node => node.id);
    const drop = new Set(request.rerun.filter(id => known.includes(id)));
    const unknown = request.rerun.filter(id => !known.includes(id));
    if (request.rerunFrom !== undefined) {
        const start = known.indexOf(request.rerunFrom);
        if (start < 0)
            unknown.push(request.rerunFrom);
        else
            for (const id of known.slice(start))
                drop.add(id);
    }
    const rerun = known.filter(id => drop.has(id));
    return { document: rerun.length > 0 ? withoutNodes(document, rerun) : document, rerun, unknown };
}

;// CONCATENATED MODULE: ./src/transport/service-errors.ts

/** A GitHub service or blob storage could not be reached, or refused a call. */
class ServiceError extends CheckpointError {
    status;
    constructor(message, 
    /** The HTTP status of the last answer, when there was one. */
    status, options) {
        super(message, options);
        this.status = status;
    }
}
/**
 * A try answered with an error status. Its message reads after the call's name: "answered 503
 * (...)"; a 429 says "rate limited".
 */
class HttpStatusError extends ServiceError {
    retryAfterMs;
    constructor(status, detail, 
    /** How long the answer's Retry-After asks to wait, when it says. */
    retryAfterMs) {
        const limited = status === 429 ? ', rate limited' : '';
        super(`answered ${status}${limited}${detail === '' ? '' : ` (${detail})`}`, status);
        this.retryAfterMs = retryAfterMs;
    }
}
/**
 * A transfer that broke or went quiet part-way (a body cut short, no data within the idle
 * timeout): the request may have reached the service, so only an idempotent one is sent again.
 */
class TransferInterruptedError extends ServiceError {
}
/**
 * The job runs where the artifact service does not exist: GitHub Enterprise Server. Not a failure
 * of the service: the step says so in a notice and goes on with the Actions cache alone.
 */
class ArtifactsUnavailableError extends CheckpointError {
    host;
    constructor(host) {
        super(`GitHub Enterprise Server (${host}) has no artifact service: checkpoints are saved to and ` +
            'restored from the Actions cache only (nodes with a key); the other nodes run again.');
        this.host = host;
    }
}
/** GitHub's REST API answered with an error status. */
class GitHubApiError extends CheckpointError {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}

;// CONCATENATED MODULE: ./src/action/failure.ts




/**
 * The one place an entry's failure is reported. Invalid inputs and configuration mistakes always
 * fail the step; service and I/O failures fail it only when the user asked (`fail-on-error`),
 * and otherwise warn, so a checkpoint problem never fails the user's job by surprise. Artifacts
 * that do not exist here (GitHub Enterprise Server) are no failure at all: a notice.
 */
function reportFailure(error, failOnError) {
    if (noticeIfUnavailable(error))
        return;
    const message = describe(error);
    if (error instanceof errors_InvalidInputError || error instanceof errors_ConfigurationError || failOnError) {
        setFailed(message);
        return;
    }
    warning(`${message} (the step goes on: set fail-on-error: true to fail it instead)`);
}
let unavailableNoticed = false;
/**
 * When `error` says the artifact service does not exist here (GitHub Enterprise Server), says
 * so in one notice per step (a run step meets it twice: reading checkpoints, then saving) and
 * returns true; false for any other error.
 */
function noticeIfUnavailable(error) {
    if (!(error instanceof ArtifactsUnavailableError))
        return false;
    if (!unavailableNoticed)
        notice(error.message);
    unavailableNoticed = true;
    return true;
}

;// CONCATENATED MODULE: ./src/action/inputs.ts



/** Every input name, as action.yml spells it. */
var Input;
(function (Input) {
    Input["Node"] = "node";
    Input["State"] = "state";
    Input["StateFile"] = "state-file";
    Input["Paths"] = "paths";
    Input["Scope"] = "scope";
    Input["RetentionDays"] = "retention-days";
    Input["CompressionLevel"] = "compression-level";
    Input["FailOnError"] = "fail-on-error";
    Input["GithubToken"] = "github-token";
    Input["Rerun"] = "rerun";
    Input["RerunFrom"] = "rerun-from";
    Input["Reset"] = "reset";
    Input["Key"] = "key";
    Input["Salt"] = "salt";
    Input["AllowSecrets"] = "allow-secrets";
    Input["SigningKey"] = "signing-key";
    Input["EncryptionKey"] = "encryption-key";
    Input["Run"] = "run";
    Input["Shell"] = "shell";
    Input["WorkingDirectory"] = "working-directory";
})(Input || (Input = {}));
/** The scope input, defaulting to the job's id as GitHub names it. */
function getScope(env = process.env) {
    const scope = getInput(Input.Scope) || env.GITHUB_JOB || 'default';
    return ids_validateId(Input.Scope, scope);
}
/** A list input: commas or new lines separate items; blank items are dropped. */
function getList(name) {
    return getInput(name)
        .split(/[\r\n,]/)
        .map(item => item.trim())
        .filter(item => item !== '');
}
/** A boolean input in the YAML 1.2 core schema's spellings; empty means `fallback`. */
function getBoolean(name, fallback) {
    const value = getInput(name);
    if (value === '')
        return fallback;
    if (/^(true|True|TRUE)$/.test(value))
        return true;
    if (/^(false|False|FALSE)$/.test(value))
        return false;
    throw new errors_InvalidInputError(name, value, 'must be true or false');
}
/** An integer input within [min, max]; empty means unset. */
function getInteger(name, min, max) {
    const value = toolkit.getInput(name);
    if (value === '')
        return undefined;
    const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
        throw new InvalidInputError(name, value, `must be a whole number from ${min} to ${max}`);
    }
    return number;
}
/**
 * `retention-days` (1-90), capped at the repository's retention, which the runner passes as
 * `GITHUB_RETENTION_DAYS`: a longer one is lowered to it, with a notice, as the artifact client
 * lowers it (with a warning) rather than have the service refuse the upload.
 */
function getRetentionDays(env = process.env) {
    const days = getInteger(Input.RetentionDays, 1, 90);
    const text = (env.GITHUB_RETENTION_DAYS ?? '').trim();
    const cap = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (days === undefined || !Number.isSafeInteger(cap) || cap < 1 || days <= cap)
        return days;
    toolkit.notice(`Input 'retention-days' is ${days}, longer than this repository keeps artifacts (GITHUB_RETENTION_DAYS=${cap}): checkpoints are kept ${cap} days.`);
    return cap;
}
/** Reads the protection inputs and masks the keys in the log. */
function getProtection() {
    const signingKey = getInput(Input.SigningKey);
    const encryptionKey = getInput(Input.EncryptionKey);
    for (const key of [signingKey, encryptionKey])
        if (key !== '')
            setSecret(key);
    const token = getInput(Input.GithubToken) || process.env.GITHUB_TOKEN || '';
    const secrets = [signingKey, encryptionKey, token, process.env.ACTIONS_RUNTIME_TOKEN ?? ''];
    return {
        signingKey,
        encryptionKey,
        allowSecrets: getBoolean(Input.AllowSecrets, false),
        secrets: secrets.filter(secret => secret !== '')
    };
}
/** Reads and validates the inputs of {@link CheckpointInputs}. @throws InvalidInputError */
function getCheckpointInputs() {
    return {
        scope: getScope(),
        paths: getList(Input.Paths),
        retentionDays: getRetentionDays(),
        compressionLevel: getInteger(Input.CompressionLevel, 0, 9),
        failOnError: getBoolean(Input.FailOnError, false),
        key: toolkit.getInput(Input.Key),
        salt: toolkit.getInput(Input.Salt),
        protection: getProtection()
    };
}
/** A required node id input. @throws InvalidInputError when empty or not an id */
function requiredId(name, why) {
    const value = toolkit.getInput(name);
    if (value === '')
        throw new InvalidInputError(name, value, `is required: ${why}`);
    return validateId(name, value);
}

;// CONCATENATED MODULE: ./src/transport/config.ts



/** Each call's deadline: the official Twirp client's calls time out after 3 minutes. */
const CALL_DEADLINE_MS = 3 * 60_000;
/** A step gives up on a dead service within this long. */
const STEP_RETRY_BUDGET_MS = 5 * 60_000;
/** The longest Retry-After the action waits. */
const RETRY_AFTER_CAP_MS = 60_000;
/** A download that sends nothing for this long is abandoned (the official client's timer). */
const IDLE_TIMEOUT_MS = 30_000;
/**
 * A host that has not accepted the connection after this long is given up, as undici (behind
 * fetch, which the transport used before its own client) gives it up: the request never left.
 */
const CONNECT_TIMEOUT_MS = 10_000;
/** A Twirp or REST try that gets no answer this long is abandoned. */
const CALL_TIMEOUT_MS = 60_000;
/** Put Blocks in flight at once, unless ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY says otherwise. */
const DEFAULT_UPLOAD_CONCURRENCY = 4;
/** A Put Block without an answer this long is sent again (the toolkit's default). */
const DEFAULT_UPLOAD_STALL_MS = 5 * 60_000;
/** The retry settings; `CHECKPOINT_RETRY_SCALE` must be a number above 0, at most 10. */
function retrySettings(env = process.env) {
    const text = env.CHECKPOINT_RETRY_SCALE ?? '';
    const scale = text.trim() === '' ? 1 : Number(text);
    if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
        throw new errors_ConfigurationError(`CHECKPOINT_RETRY_SCALE has an invalid value ${quote(text)}: it must be a number above 0 and at most 10`);
    }
    return {
        scale,
        callDeadlineMs: CALL_DEADLINE_MS,
        stepBudgetMs: STEP_RETRY_BUDGET_MS,
        retryAfterCapMs: RETRY_AFTER_CAP_MS
    };
}
/**
 * `ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY` and `ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS`, read as
 * @actions/artifact 6.2.1 reads them (shared/config.js): a concurrency below 1 or not a number
 * is an error, one above the cap (32; 16 per CPU up to 300 on more than 4 CPUs) is lowered to it.
 * @throws ConfigurationError naming the variable, its value and the rule
 */
function uploadSettings(env = process.env) {
    const asked = positiveInteger(env, 'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY');
    const stallMs = positiveInteger(env, 'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS');
    const cap = concurrencyCap((0,external_node_os_.cpus)().length);
    const settings = {
        concurrency: Math.min(asked ?? DEFAULT_UPLOAD_CONCURRENCY, cap),
        stallMs: stallMs ?? DEFAULT_UPLOAD_STALL_MS
    };
    if (asked !== undefined && asked > cap)
        settings.concurrencyAsked = asked;
    return settings;
}
/** The toolkit's cap on blocks in flight for a machine with `cpuCount` CPUs. */
function concurrencyCap(cpuCount) {
    return cpuCount > 4 ? Math.min(16 * cpuCount, 300) : 32;
}
function positiveInteger(env, name) {
    const text = (env[name] ?? '').trim();
    if (text === '')
        return undefined;
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < 1) {
        throw new errors_ConfigurationError(`${name} has an invalid value ${quote(text)}: it must be a whole number of at least 1`);
    }
    return value;
}
/**
 * The artifact service's endpoint.
 * @throws ArtifactsUnavailableError on GitHub Enterprise Server, which has no artifact service
 * @throws ServiceError outside a job, where the runtime variables are unset
 */
function serviceEndpoint(env = process.env) {
    assertArtifactsAvailable(env);
    const url = env.ACTIONS_RESULTS_URL;
    const token = env.ACTIONS_RUNTIME_TOKEN;
    if (!url || !token) {
        throw new ServiceError('ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set: checkpoints are stored as ' +
            'artifacts, which only a step of a GitHub Actions job can reach');
    }
    return { origin: new URL(url).origin, token };
}
/** @throws ArtifactsUnavailableError when the job runs on GitHub Enterprise Server */
function assertArtifactsAvailable(env = process.env) {
    const server = env.GITHUB_SERVER_URL ?? '';
    if (isEnterpriseServer(server))
        throw new ArtifactsUnavailableError(new URL(server).host);
}
/** Whether this job runs on GitHub Enterprise Server, which has no artifact service. */
function config_isGhes(env = process.env) {
    return isEnterpriseServer(env.GITHUB_SERVER_URL ?? '');
}
/**
 * Whether a `GITHUB_SERVER_URL` is a GitHub Enterprise Server, as @actions/artifact's isGhes
 * decides: any host but github.com, *.ghe.com (GHE.com data residency) and *.localhost. Unset
 * or unreadable means github.com.
 */
function isEnterpriseServer(serverUrl) {
    if (serverUrl.trim() === '')
        return false;
    let host;
    try {
        host = new URL(serverUrl).hostname.toLowerCase();
    }
    catch {
        return false;
    }
    return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
}
/** The REST API's base URL, without a trailing slash. */
function apiUrl(env = process.env) {
    return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ./src/checkpoint/crypto.ts





const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes encryption adds to each object: its nonce and its authentication tag. */
const crypto_ENCRYPTION_OVERHEAD = NONCE_BYTES + TAG_BYTES;
/**
 * Derives a 32-byte key from any string with HKDF-SHA256: users pass a passphrase-like secret,
 * and signing and encryption never share a key.
 */
function deriveKey(secret, purpose) {
    return Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', secret, 'checkpoint-action/v1', purpose, 32));
}
/** `hmac-sha256:<hex>` over a checkpoint's digest. */
function signDigest(digest, key) {
    return `hmac-sha256:${(0,external_node_crypto_.createHmac)('sha256', key).update(digest).digest('hex')}`;
}
/** True when `signature` is the HMAC of `digest` under `key` (compared in constant time). */
function signatureMatches(digest, signature, key) {
    if (signature === undefined)
        return false;
    const expected = Buffer.from(signDigest(digest, key));
    const given = Buffer.from(signature);
    return expected.length === given.length && (0,external_node_crypto_.timingSafeEqual)(expected, given);
}
/** AES-256-GCM with a fresh nonce: `nonce || ciphertext || tag`. */
function crypto_encryptBytes(plain, key) {
    const nonce = (0,external_node_crypto_.randomBytes)(NONCE_BYTES);
    const cipher = (0,external_node_crypto_.createCipheriv)('aes-256-gcm', key, nonce);
    return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}
/** Reverses {@link encryptBytes}; throws when the bytes or the key are wrong. */
function decryptBytes(sealed, key) {
    const bytes = Buffer.from(sealed);
    if (bytes.length < crypto_ENCRYPTION_OVERHEAD)
        throw new Error('too short to be encrypted data');
    const decipher = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
        decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)),
        decipher.final()
    ]);
}
/**
 * Encrypts a stream of bytes in the layout of {@link encryptBytes}: the nonce (fresh each time),
 * the ciphertext as the plain bytes arrive, the tag last.
 */
async function* crypto_encryptChunks(plain, key) {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    yield nonce;
    for await (const bytes of plain) {
        const out = cipher.update(bytes);
        if (out.length > 0)
            yield out;
    }
    const last = cipher.final();
    if (last.length > 0)
        yield last;
    yield cipher.getAuthTag();
}
/**
 * Encrypts a file into another, streamed, in the layout of {@link encryptChunks}.
 * @returns the size and `sha256:<hex>` of the encrypted file
 */
async function encryptFile(from, to, key) {
    const hash = createHash('sha256');
    let size = 0;
    const counted = async function* () {
        for await (const bytes of crypto_encryptChunks(createReadStream(from), key)) {
            hash.update(bytes);
            size += bytes.length;
            yield bytes;
        }
    };
    await pipeline(counted(), createWriteStream(to, { mode: 0o600 }));
    return { size, sha256: `sha256:${hash.digest('hex')}` };
}
/** Decrypts a file written by {@link encryptFile}; throws when it was changed or the key is wrong. */
async function decryptFile(from, to, key) {
    const handle = await (0,promises_namespaceObject.open)(from, 'r');
    let nonce;
    let tag;
    let size;
    try {
        size = (await handle.stat()).size;
        if (size < crypto_ENCRYPTION_OVERHEAD)
            throw new Error('too short to be encrypted data');
        nonce = Buffer.alloc(NONCE_BYTES);
        tag = Buffer.alloc(TAG_BYTES);
        await handle.read(nonce, 0, NONCE_BYTES, 0);
        await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    }
    finally {
        await handle.close();
    }
    const decipher = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', key, nonce);
    decipher.setAuthTag(tag);
    const body = size === crypto_ENCRYPTION_OVERHEAD
        ? external_node_stream_.Readable.from([])
        : (0,external_node_fs_.createReadStream)(from, { start: NONCE_BYTES, end: size - TAG_BYTES - 1 });
    await (0,external_node_stream_promises_namespaceObject.pipeline)(body, decipher, (0,external_node_fs_.createWriteStream)(to, { mode: 0o600 }));
}

;// CONCATENATED MODULE: ./src/checkpoint/codec.ts





/** Marks an encrypted checkpoint: its ref in clear (the artifact name shows it anyway), the rest sealed. */
const ENCRYPTED_KIND = 'checkpoint-action/encrypted';
/** A checkpoint that cannot be trusted with the keys given: unsigned, mis-signed, or not decryptable. */
class UntrustedCheckpointError extends CheckpointError {
    file;
    reason;
    constructor(file, reason) {
        super(`Checkpoint ${file} is not trusted: ${reason}`);
        this.file = file;
        this.reason = reason;
    }
}
/**
 * Turns checkpoints into text and back under the user's keys: with a signing key every document
 * carries an HMAC over its digest and only signed ones are read; with an encryption key the
 * whole document is sealed with AES-256-GCM.
 */
class CheckpointCodec {
    signing;
    encryption;
    constructor(keys = {}) {
        this.signing = keys.signingKey ? deriveKey(keys.signingKey, 'signing') : undefined;
        this.encryption = keys.encryptionKey ? deriveKey(keys.encryptionKey, 'encryption') : undefined;
    }
    /** The key files are encrypted with, when encryption is on. */
    get fileKey() {
        return this.encryption;
    }
    /** The text to store: signed and encrypted as the keys say. */
    encode(document) {
        const signed = this.signing
            ? { ...document, signature: signDigest(document.digest, this.signing) }
            : document;
        const text = serializeCheckpoint(signed);
        if (!this.encryption)
            return text;
        const envelope = {
            kind: ENCRYPTED_KIND,
            schema: 1,
            ...refOf(document),
            cipher: 'aes-256-gcm',
            data: crypto_encryptBytes(Buffer.from(text, 'utf8'), this.encryption).toString('base64')
        };
        return `${JSON.stringify(envelope, null, 2)}\n`;
    }
    /**
     * Reads stored text back into a verified checkpoint.
     * @throws CorruptCheckpointError, UnsupportedSchemaError or UntrustedCheckpointError
     */
    decode(text, source, expected) {
        let parsed = parseDocumentJson(text, source);
        if (isJsonObject(parsed.value) && parsed.value.kind === ENCRYPTED_KIND) {
            parsed = this.open(parsed.value, source);
        }
        const document = parseCheckpointValue(parsed.value, source, expected, parsed.stateText);
        if (this.signing && !signatureMatches(document.digest, document.signature, this.signing)) {
            const reason = document.signature
                ? 'its signature does not match the signing key'
                : 'it is not signed';
            throw new UntrustedCheckpointError(source, reason);
        }
        return document;
    }
    open(envelope, source) {
        if (!this.encryption) {
            throw new UntrustedCheckpointError(source, 'it is encrypted: give the encryption key (input encryption-key, or CHECKPOINT_ENCRYPTION_KEY for the CLI)');
        }
        try {
            const plain = decryptBytes(Buffer.from(String(envelope.data), 'base64'), this.encryption);
            return parseDocumentJson(plain.toString('utf8'), source);
        }
        catch (error) {
            if (error instanceof CheckpointError)
                throw error;
            throw new UntrustedCheckpointError(source, 'it does not decrypt with the encryption key (wrong key, or changed bytes)');
        }
    }
}

;// CONCATENATED MODULE: ./src/packing/limit.ts
/** Files up to this size are read, packed and written whole rather than streamed. */
const limit_SMALL_FILE = 1024 * 1024;
/**
 * A zip (or a pack of them) up to this size is read into memory once and extracted from there:
 * entry by entry from disk, each small file costs several reads one after the other.
 */
const ZIP_IN_MEMORY = 32 * 1024 * 1024;
/** File operations in flight at once for many small files: enough to keep the disk busy. */
const limit_FILE_CONCURRENCY = 16;
/**
 * Runs `task` on the items of `items` as they come, at most `limit` at a time: the one shape
 * of work in flight together (file operations, an upload's blocks). The next item is asked for
 * only when a task is free, so a source that makes its items on demand (an upload's blocks, read from a stream)
 * never runs more than `limit` ahead of the requests. The first failure, of a task or of the
 * source, stops the asking; it is thrown once the tasks already started have settled, so no
 * request is left running behind the caller's back.
 */
async function forEachBounded(items, limit, task) {
    const source = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
    let failure;
    const worker = async () => {
        while (failure === undefined) {
            try {
                const next = await source.next();
                if (next.done === true)
                    return;
                await task(next.value);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
    if (failure === undefined)
        return;
    try {
        // Lets a generator that is still open run its `finally` (closing the file it reads).
        await source.return?.();
    }
    catch {
        // The first failure is the one to report.
    }
    throw failure.error;
}
/**
 * Maps `items` through `task`, at most `limit` at a time, results in the order of `items`. The
 * first failure rejects once the tasks already started have settled.
 */
async function mapLimit(items, limit, task) {
    const results = new Array(items.length);
    await forEachBounded(items.keys(), Math.min(limit, items.length), async (index) => {
        results[index] = await task(items[index], index);
    });
    return results;
}

;// CONCATENATED MODULE: ./src/packing/workspace-paths.ts


/**
 * The path functions of the OS the step runs on: Windows' (drive letters, backslashes, names
 * compared ignoring case) or POSIX's. Every function here takes the platform, defaulting to this
 * process's, so that each OS's rules are tested on any machine.
 */
function pathsOf(platform = process.platform) {
    return platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
}
/** True when `target` is `root` or below it (both absolute and resolved). */
function isInside(root, target, platform = process.platform) {
    const paths = pathsOf(platform);
    const fromRoot = paths.relative(root, target);
    return (fromRoot === '' ||
        (!fromRoot.startsWith(`..${paths.sep}`) && fromRoot !== '..' && !paths.isAbsolute(fromRoot)));
}
/**
 * Resolves a user-given path against the workspace and refuses one that lands outside it: `..`,
 * another absolute path, another drive, a UNC share.
 * @param input the input that gave the path, for the error message
 * @throws InvalidInputError
 */
function resolveInside(workspace, given, input, platform = process.platform) {
    const absolute = pathsOf(platform).resolve(workspace, given);
    if (!isInside(workspace, absolute, platform)) {
        throw new InvalidInputError(input, given, `must be inside the workspace ${workspace}`);
    }
    return absolute;
}
/** The workspace-relative form of an absolute path inside it, as checkpoints store it: `/`. */
function toRelative(workspace, absolute, platform = process.platform) {
    const fromWorkspace = pathsOf(platform).relative(workspace, absolute);
    return fromWorkspace.split(pathsOf(platform).sep).join('/');
}
/** A link's target as checkpoints store it: with `/` (Windows writes `\`). */
function portableLinkTarget(target, platform = process.platform) {
    return platform === 'win32' ? target.replace(/\\/g, '/') : target;
}
/** A stored link target as the OS writes it: Windows' links need `\` to resolve. */
function nativeLinkTarget(target, platform = process.platform) {
    return platform === 'win32' ? target.replace(/\//g, '\\') : target;
}

;// CONCATENATED MODULE: ./src/packing/small-io.ts

// Small files are read with one synchronous call on this thread, and calls that only touch
// names (lstat, chmod, rename) are made the same way. Each costs a few microseconds of the
// kernel's time; through fs/promises the same call also pays a trip to libuv's thread pool and
// back, and readFile an fstat and a read loop. For 1,000 files of 1 KiB on a runner-like disk:
// reading 16-25 ms this way against 186-206 ms that way; lstat 7-20 ms against 53-58 ms; chmod
// and rename 20-28 ms. Creating a file is different: the kernel's own cost (about 0.5 ms a file
// here) dominates, and the thread pool runs creations on both cores, so writes stay asynchronous.
// Large files stay asynchronous too, so the event loop (an upload) is never held up for long.
/** Files up to this size are read here, at once. */
const small_io_SYNC_FILE = (/* unused pure expression or super */ null && (64 * 1024));
/** The bytes of a small file, read at once (a failure rejects, as fs/promises would). */
function small_io_readSmallFile(file) {
    return new Promise(resolve => {
        resolve(readFileSync(file));
    });
}
/** What is at `path` (a link not followed), or undefined when nothing is. */
function statIfAny(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path);
    }
    catch {
        return undefined;
    }
}
/** Where `folder` really is (links resolved), or undefined when it cannot be resolved. */
function realFolder(folder) {
    try {
        return external_node_fs_.realpathSync.native(folder);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/packing/staged-path.ts



/**
 * Where a file waits in a staging folder before it is moved into the workspace: under a flat
 * name made from its path, not at its path. Creating a folder costs as much as creating a file,
 * so a restore of 1,000 files in 1,000 folders made every folder twice (in staging, then in the
 * workspace) when staging mirrored the paths; now it makes them once. The names are spread over
 * up to 16 subfolders (their first hex digit): files created at once in one folder wait for each
 * other (the file system locks a folder for each creation), and 1,000 files of 4 KiB were staged
 * and placed in 295-389 ms this way against 478-576 ms in one folder. No staged name leads out
 * of the staging folder, whatever the path. Two files never meet here: a checkpoint whose
 * manifest lists a path twice, or a file where another needs a folder, is refused when read.
 */
function stagedPath(staging, path) {
    const name = (0,external_node_crypto_.createHash)('sha256').update(path, 'utf8').digest('hex').slice(0, 40);
    return (0,external_node_path_.join)(staging, name.slice(0, 1), name.slice(1));
}
/**
 * Where a file is staged to be written: {@link stagedPath}, with its folder (and the staging
 * folder above it) made unless `made`, the folders made so far, kept by the caller, has it.
 */
function makeStagedPath(staging, path, made) {
    const target = stagedPath(staging, path);
    const folder = (0,external_node_path_.dirname)(target);
    if (!made.has(folder)) {
        (0,external_node_fs_.mkdirSync)(folder, { recursive: true });
        made.add(folder);
    }
    return target;
}

;// CONCATENATED MODULE: ./src/packing/place.ts









/** A restore that would write outside the workspace (through a link or a link target). */
class PathEscapeError extends CheckpointError {
}
/**
 * Moves verified files from `staging` into the workspace, replacing what is at their paths,
 * with their recorded modes, and recreates links. See {@link placeAll}.
 */
async function placeFiles(staging, files, workspace) {
    const placements = files.map(file => ({
        file,
        from: file.link === undefined ? stagedPath(staging, file.path) : undefined
    }));
    await placeAll(placements, workspace);
}
/**
 * Puts files in place under `workspace`. Everything is checked before anything is written:
 * every folder on the way is a real folder inside the workspace (a link already there cannot
 * lead a write outside), nothing is in the way, and every link target stays inside. Regular
 * files go first and links last, so no file is written through a link this restore makes;
 * links are then resolved for real, and all of them are removed again if one leads out.
 */
async function placeAll(placements, workspace) {
    const root = await (0,promises_namespaceObject.realpath)(workspace);
    const folders = new FolderWalk(root);
    await mapLimit(placements, limit_FILE_CONCURRENCY, placement => checkPlacement(root, placement.file, folders));
    const regular = placements.filter(({ file, from }) => file.link === undefined && from);
    await mapLimit(regular, limit_FILE_CONCURRENCY, async ({ file, from }) => {
        const target = (0,external_node_path_.join)(root, file.path);
        await folders.make((0,external_node_path_.dirname)(file.path));
        await moveFile(from ?? '', target, file.mode & 0o777);
    });
    const links = placements.filter(placement => placement.file.link !== undefined);
    for (const { file } of links) {
        const target = (0,external_node_path_.join)(root, file.path);
        await folders.make((0,external_node_path_.dirname)(file.path));
        await (0,promises_namespaceObject.rm)(target, { force: true });
        await (0,promises_namespaceObject.symlink)(nativeLinkTarget(file.link ?? ''), target);
    }
    await checkLinks(root, links.map(placement => placement.file));
}
async function checkPlacement(root, file, folders) {
    const refuse = (reason) => {
        throw new PathEscapeError(`Refused to restore ${file.path}: ${reason}`);
    };
    // Checked for this OS too: a name Windows would write elsewhere (`a.`, `a:b`, `con`).
    const unsafe = unsafePathReason(file.path, process.platform);
    if (unsafe)
        refuse(`its path ${unsafe}`);
    const problem = await folders.check((0,external_node_path_.dirname)(file.path));
    if (problem)
        refuse(problem);
    const existing = statIfAny((0,external_node_path_.join)(root, file.path));
    if (existing?.isDirectory())
        refuse('a folder of that name is in the way');
    if (file.link !== undefined &&
        !isInside(root, (0,external_node_path_.resolve)((0,external_node_path_.join)(root, (0,external_node_path_.dirname)(file.path)), nativeLinkTarget(file.link)))) {
        refuse(`it is a link to ${file.link}, which leads outside the workspace`);
    }
}
/**
 * The folders on the way to the files, each looked at once however many files lie under it:
 * `check` before anything is written (a link already there cannot lead a write outside), and
 * `make` to create the missing ones one at a time, each under a checked real folder.
 */
class FolderWalk {
    root;
    checked = new Map();
    made = new Map();
    constructor(root) {
        this.root = root;
    }
    /** Why files cannot go under `relative`, or undefined when they can. */
    check(relative) {
        if (relative === '.' || relative === '')
            return Promise.resolve(undefined);
        let result = this.checked.get(relative);
        if (!result) {
            result = this.check((0,external_node_path_.dirname)(relative)).then(problem => {
                if (problem)
                    return problem;
                return this.checkOne(relative);
            });
            this.checked.set(relative, result);
        }
        return result;
    }
    checkOne(relative) {
        const folder = (0,external_node_path_.join)(this.root, relative);
        const segment = (0,external_node_path_.basename)(relative);
        const stats = statIfAny(folder);
        if (!stats)
            return undefined;
        if (stats.isSymbolicLink()) {
            const real = realFolder(folder);
            if (real === undefined || !isInside(this.root, real))
                return `its folder ${segment} is a link that leads outside the workspace`;
        }
        else if (!stats.isDirectory()) {
            return `a file is in the way of its folder ${segment}`;
        }
        return undefined;
    }
    make(relative) {
        if (relative === '.' || relative === '')
            return Promise.resolve();
        let made = this.made.get(relative);
        if (!made) {
            made = this.make((0,external_node_path_.dirname)(relative)).then(() => this.makeOne(relative));
            this.made.set(relative, made);
        }
        return made;
    }
    async makeOne(relative) {
        const folder = (0,external_node_path_.join)(this.root, relative);
        try {
            await (0,promises_namespaceObject.mkdir)(folder);
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
        const real = external_node_fs_.realpathSync.native(folder);
        if (!isInside(this.root, real))
            throw new PathEscapeError(`Refused to write under ${relative}: it leads outside the workspace`);
    }
}
/** Links resolved for real (chains included) must stay inside; else none of them stays. */
async function checkLinks(root, links) {
    for (const link of links) {
        const real = await (0,promises_namespaceObject.realpath)((0,external_node_path_.join)(root, link.path)).catch(() => undefined);
        if (real === undefined || isInside(root, real))
            continue;
        await Promise.all(links.map(item => (0,promises_namespaceObject.rm)((0,external_node_path_.join)(root, item.path), { force: true })));
        throw new PathEscapeError(`Refused to restore link ${link.path}: through other links it leads outside the workspace`);
    }
}
/**
 * Gives a staged file its `mode`, then renames it over whatever file or link is at `to` (it
 * appears there complete, in one rename), or copies it where staging and workspace are on
 * different file systems (after removing what is there: a copy would follow a link). The
 * calls that only touch names are made at once (small-io.ts says why).
 */
async function moveFile(from, to, mode) {
    (0,external_node_fs_.chmodSync)(from, mode);
    try {
        (0,external_node_fs_.renameSync)(from, to);
    }
    catch (error) {
        if (error.code !== 'EXDEV')
            throw error;
        await (0,promises_namespaceObject.rm)(to, { force: true });
        await (0,promises_namespaceObject.copyFile)(from, to);
        await (0,promises_namespaceObject.rm)(from, { force: true });
    }
}

;// CONCATENATED MODULE: ./src/checkpoint/units.ts
// Sizes, durations and rates as the log, the job summary and the CLI write them for people.
/** Bytes as people read them: `812 B`, `1.5 KiB`, `256.0 MiB`. */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit] ?? ''}`;
}
/** Milliseconds for people: `850 ms`, `12.3 s`, `4 min 05 s`; `–` when unknown. */
function formatDuration(ms) {
    if (ms === undefined)
        return '–';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}
/** A transfer rate in MiB/s, one decimal: `52.3 MiB/s`. */
function formatRate(bytesPerSecond) {
    return `${(Math.max(0, bytesPerSecond) / (1024 * 1024)).toFixed(1)} MiB/s`;
}

;// CONCATENATED MODULE: ./src/action/step-log.ts


/** The title of the group the step's details are folded in, while one is open. */
let openGroup;
/**
 * Folds what `work` logs into a `::group::` titled `title`, closed however the work ends: the
 * step's details stay one click away, and its one final line stands out below them.
 */
async function inGroup(title, work) {
    startGroup(title);
    openGroup = title;
    try {
        return await work();
    }
    finally {
        openGroup = undefined;
        endGroup();
    }
}
/**
 * A progress line of a long transfer, written outside the open group (which then goes on as
 * "(continued)"): a collapsed group must not hide that the step is moving.
 */
function logProgress(line) {
    if (openGroup === undefined) {
        info(line);
        return;
    }
    endGroup();
    info(line);
    startGroup(`${openGroup} (continued)`);
}
/** The end of a step's final line: `12 file(s), 3.4 GiB, in 41.2 s`. */
function movedInWords({ files, bytes, ms }) {
    return `${files} file(s), ${formatBytes(bytes)}, in ${formatDuration(ms)}`;
}
/** The step's log as the transport reports to it: lines, progress, and values masked. */
const stepLog = {
    info: line => {
        info(line);
    },
    progress: logProgress,
    mask: secret => {
        setSecret(secret);
    }
};

;// CONCATENATED MODULE: ./src/packing/meter.ts




/**
 * Counts and hashes the bytes that pass, and fails the stream with `onOverflow`'s error once
 * more than `limit` bytes went by: a size recorded in a manifest bounds what is ever written.
 */
class ByteMeter extends external_node_stream_.Transform {
    limit;
    onOverflow;
    onBytes;
    bytes = 0;
    hash = (0,external_node_crypto_.createHash)('sha256');
    constructor(limit = Number.POSITIVE_INFINITY, onOverflow = () => new Error(`more than ${limit} bytes`), onBytes) {
        super();
        this.limit = limit;
        this.onOverflow = onOverflow;
        this.onBytes = onBytes;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        if (this.bytes > this.limit) {
            callback(this.onOverflow());
            return;
        }
        this.hash.update(chunk);
        this.onBytes?.(this.bytes);
        callback(null, chunk);
    }
    /** `sha256:<hex>` of everything that passed; call once, at the end. */
    digest() {
        return `sha256:${this.hash.digest('hex')}`;
    }
}
/** The size and `sha256:<hex>` of a file, streamed. */
async function hashFile(path) {
    const meter = new ByteMeter();
    await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_.createReadStream)(path), meter, discard());
    return { bytes: meter.bytes, digest: meter.digest() };
}
/** A sink for streams whose bytes only a meter needs. */
function discard() {
    return new external_node_stream_.Writable({
        write(_chunk, _encoding, callback) {
            callback();
        }
    });
}

;// CONCATENATED MODULE: ./src/packing/packing-errors.ts

/** An archive that does not match its checkpoint's manifest: tampered, truncated or hostile. */
class ArchiveIntegrityError extends CheckpointError {
    archive;
    reason;
    constructor(archive, reason) {
        super(`Archive ${archive} was refused: ${reason}`);
        this.archive = archive;
        this.reason = reason;
    }
}
/** A zip the streaming reader does not take; the caller falls back to reading it whole. */
class UnstreamableZipError extends Error {
}
/** The refusal of one entry of `archive`, named as the zip names it. */
function packing_errors_entryRefusal(archive, name, reason) {
    return new ArchiveIntegrityError(archive, `entry ${JSON.stringify(name)} ${reason}`);
}

;// CONCATENATED MODULE: ./src/packing/encrypt.ts





/** The opaque entry name of the index-th encrypted file: the archive shows no paths. */
function sealedEntryName(index) {
    return `f${String(index + 1).padStart(6, '0')}`;
}
/**
 * The record of an encrypted file as its archive stores it: the opaque entry name and the
 * encrypted bytes' size and hash, which the extractor checks like any other entry.
 * @throws ArchiveIntegrityError when the manifest records no valid entry for it
 */
function sealedRecord(archive, file) {
    const entry = file.entry;
    if (!entry || unsafePathReason(entry.name)) {
        throw new ArchiveIntegrityError(archive, `file ${file.path} has no valid encrypted entry`);
    }
    return { ...file, path: entry.name, size: entry.size, sha256: entry.sha256 };
}
/**
 * Decrypts extracted entries from `sealed` into `staging` (both laid out by stagedPath),
 * checking each against its manifest record (size and sha256 of the plain bytes).
 * @throws ArchiveIntegrityError for a wrong key, changed bytes or a mismatch
 */
async function openFiles(archive, files, sealed, staging, key) {
    const made = new Set();
    for (const file of files) {
        const entry = sealedRecord(archive, file).path;
        const target = makeStagedPath(staging, file.path, made);
        try {
            await decryptFile(stagedPath(sealed, entry), target, key);
        }
        catch {
            throw new ArchiveIntegrityError(archive, `${file.path} does not decrypt with the encryption key (wrong key, or changed bytes)`);
        }
        const decrypted = await hashFile(target);
        if (decrypted.bytes !== file.size || decrypted.digest !== file.sha256) {
            throw new ArchiveIntegrityError(archive, `${file.path} does not match its manifest record once decrypted`);
        }
    }
}

;// CONCATENATED MODULE: ./src/packing/central-directory.ts

/** How much of a zip's end is fetched first: its end records and, mostly, its directory. */
const TAIL_BYTES = 256 * 1024;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX32 = 0xffffffff;
/**
 * Finds the central directory from the last bytes of a zip (`tail` starts at `tailStart`).
 * @throws UnstreamableZipError when the end records are not in the tail or do not add up
 */
function locateDirectory(tail, tailStart, size) {
    const at = endRecordAt(tail);
    let count = tail.readUInt16LE(at + 10);
    let length = tail.readUInt32LE(at + 12);
    let start = tail.readUInt32LE(at + 16);
    let end = tailStart + at;
    if (count === 0xffff || length === MAX32 || start === MAX32) {
        const record = zip64EndRecordAt(tail, at, tailStart);
        count = Number(tail.readBigUInt64LE(record + 32));
        length = Number(tail.readBigUInt64LE(record + 40));
        start = Number(tail.readBigUInt64LE(record + 48));
        end = tailStart + record;
    }
    if (start + length > end || end > size) {
        throw new UnstreamableZipError('the central directory does not fit before its end record');
    }
    return { start, length, count };
}
/** Where in `tail` the end of central directory record starts: the last one its comment ends. */
function endRecordAt(tail) {
    for (let index = tail.length - 22; index >= Math.max(0, tail.length - 22 - 0xffff); index--) {
        if (tail.readUInt32LE(index) === EOCD &&
            index + 22 + tail.readUInt16LE(index + 20) === tail.length) {
            return index;
        }
    }
    throw new UnstreamableZipError('no end of central directory record');
}
/** Where in `tail` the zip64 end record starts, found through the locator before `endAt`. */
function zip64EndRecordAt(tail, endAt, tailStart) {
    const locator = endAt - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) {
        throw new UnstreamableZipError('no zip64 locator');
    }
    const record = Number(tail.readBigUInt64LE(locator + 8)) - tailStart;
    if (record < 0 || record + 56 > locator || tail.readUInt32LE(record) !== ZIP64_EOCD) {
        throw new UnstreamableZipError('no zip64 end record in the tail');
    }
    return record;
}
/**
 * Reads the central directory's entries, in the order their data lies in the zip.
 * @throws UnstreamableZipError for a directory that is not well formed or entries that overlap
 */
function readDirectory(bytes, location) {
    const entries = [];
    let at = 0;
    for (let index = 0; index < location.count; index++) {
        const { entry, next } = readCentralEntry(bytes, at, index);
        entries.push(entry);
        at = next;
    }
    if (at !== location.length)
        throw new UnstreamableZipError('central directory length differs');
    entries.sort((a, b) => a.offset - b.offset);
    for (const entry of entries)
        checkStreamable(entry, location);
    return entries;
}
/** The directory's `index`-th entry, at `at`, and where the next one starts. */
function readCentralEntry(bytes, at, index) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
        throw new UnstreamableZipError(`central directory entry ${index} is not well formed`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameBytes = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength));
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const wide = zip64Values(extra);
    const widened = (value) => (value === MAX32 ? (wide.shift() ?? NaN) : value);
    // In the zip64 extra field's fixed order: size, compressed size, offset.
    const size = widened(bytes.readUInt32LE(at + 24));
    const compressed = widened(bytes.readUInt32LE(at + 20));
    const offset = widened(bytes.readUInt32LE(at + 42));
    if (![size, compressed, offset].every(Number.isSafeInteger)) {
        throw new UnstreamableZipError(`central directory entry ${index} has no zip64 sizes`);
    }
    const entry = {
        name: nameBytes.toString('utf8'),
        nameBytes,
        flags: bytes.readUInt16LE(at + 8),
        method: bytes.readUInt16LE(at + 10),
        compressed,
        size,
        offset,
        mode: bytes.readUInt32LE(at + 38) >>> 16
    };
    return { entry, next: at + 46 + nameLength + extraLength + commentLength };
}
/**
 * Refuses an entry the streaming reader cannot follow: zip-encrypted, compressed by another
 * method than deflate, or with data that would run into the directory.
 */
function checkStreamable(entry, location) {
    if (entry.flags & 0x1)
        throw new UnstreamableZipError(`${entry.name} is zip-encrypted`);
    if (entry.method !== 0 && entry.method !== 8) {
        throw new UnstreamableZipError(`${entry.name} uses compression method ${entry.method}`);
    }
    if (entry.offset + 30 + entry.compressed > location.start) {
        throw new UnstreamableZipError(`${entry.name} runs into the central directory`);
    }
}
function zip64Values(extra) {
    for (let at = 0; at + 4 <= extra.length;) {
        const id = extra.readUInt16LE(at);
        const length = extra.readUInt16LE(at + 2);
        if (id === 0x0001) {
            const values = [];
            for (let field = 0; field + 8 <= length && at + 4 + field + 8 <= extra.length; field += 8) {
                values.push(Number(extra.readBigUInt64LE(at + 4 + field)));
            }
            return values;
        }
        at += 4 + length;
    }
    return [];
}

;// CONCATENATED MODULE: ./src/packing/entry-writer.ts






/**
 * Writes an entry's bytes into a file (`target`, mode 0600) or onto a list of chunks, through
 * `through` (an inflater) and a meter that counts and hashes them and stops them past the limit:
 * the one way an entry's bytes leave a zip, whichever reader found it.
 * @throws ArchiveIntegrityError past the limit, or when the bytes cannot be read or written
 */
async function entry_writer_writeEntry(entry, target, wording, through = []) {
    const meter = new ByteMeter(entry.limit, () => packing_errors_entryRefusal(entry.archive, entry.name, wording.overflow));
    try {
        const bytes = typeof entry.bytes === 'function' ? await entry.bytes() : entry.bytes;
        await (0,external_node_stream_promises_namespaceObject.pipeline)([bytes, ...through, meter, sinkOf(target)]);
    }
    catch (error) {
        if (error instanceof ArchiveIntegrityError)
            throw error;
        throw packing_errors_entryRefusal(entry.archive, entry.name, `${wording.failure} (${describe(error)})`);
    }
    return { bytes: meter.bytes, digest: meter.digest() };
}
/** A file written afresh (owner-only until placed), or a list the chunks are kept on. */
function sinkOf(target) {
    if (typeof target === 'string')
        return (0,external_node_fs_.createWriteStream)(target, { mode: 0o600 });
    return new external_node_stream_.Writable({
        write(chunk, _encoding, callback) {
            target.push(chunk);
            callback();
        }
    });
}

;// CONCATENATED MODULE: ./src/packing/manifest-entries.ts







/** The context of extracting `archive`, which holds the files `expected`, into `staging`. */
function entryContext(archive, expected, staging, superseded) {
    const remaining = new Map(expected.map(file => [file.path, file]));
    return { archive, remaining, staging, superseded, made: new Set() };
}
/** Fails when a file the manifest lists in this archive was not in it. */
function missingFiles(context) {
    const missing = [...context.remaining.keys()];
    if (missing.length > 0) {
        throw new ArchiveIntegrityError(context.archive, `${missing.length} listed file(s) missing, e.g. ${missing[0]}`);
    }
}
/**
 * Lets an entry in only as what the manifest expects: a safe relative name, a regular file,
 * listed and not seen before, no larger than recorded. Folder entries and files a later archive
 * supersedes are passed over (undefined). Makes the staging folder an entry goes in.
 * @throws ArchiveIntegrityError for anything else
 */
function admitEntry(context, entry) {
    const name = entry.name;
    const refuse = (reason) => {
        throw packing_errors_entryRefusal(context.archive, name, reason);
    };
    if (name.endsWith('/')) {
        if (!isSafeRelativePath(name.slice(0, -1)))
            refuse(unsafePathReason(name.slice(0, -1)) ?? '');
        return undefined;
    }
    // By this OS's rules too: on Windows, a name it would write elsewhere is never staged.
    const unsafe = unsafePathReason(name, process.platform);
    if (unsafe)
        refuse(unsafe);
    const type = entry.mode & 0o170000;
    if (type !== 0 && type !== 0o100000)
        refuse('is not a regular file (a link or a device): saves never write one');
    const record = context.remaining.get(name);
    if (!record && context.superseded(name))
        return undefined;
    if (!record)
        return refuse('is not in the checkpoint manifest (or appears twice)');
    context.remaining.delete(name);
    if (entry.size > record.size)
        refuse(`claims ${entry.size} bytes, the manifest ${record.size}`);
    return { name, record, target: stagingTarget(context, name, refuse) };
}
/** Where an admitted entry is staged, its folder made (see makeStagedPath). */
function stagingTarget(context, name, refuse) {
    try {
        return makeStagedPath(context.staging, name, context.made);
    }
    catch (error) {
        return refuse(`cannot be staged (${error.message})`);
    }
}
/**
 * Writes an admitted entry's (inflated) bytes into staging, counting and hashing them: more
 * bytes than recorded stop it, and a size or sha256 that differs from the manifest fails it.
 * @param through what the bytes pass through first (an inflater)
 * @throws ArchiveIntegrityError
 */
async function stageEntry(archive, entry, bytes, through = []) {
    const size = entry.record.size;
    const written = await entry_writer_writeEntry({ archive, name: entry.name, bytes, limit: size }, entry.target, { overflow: `inflates past the ${size} bytes recorded`, failure: 'could not be extracted' }, through);
    matchRecord(archive, entry, written.bytes, written.digest);
}
/**
 * Writes a small admitted entry's bytes, already read and inflated whole, into staging, after
 * the same checks as {@link stageEntry}.
 * @throws ArchiveIntegrityError
 */
async function stageWholeEntry(archive, entry, data) {
    matchRecord(archive, entry, data.length, canonical_sha256Digest(data));
    // Worded as stageEntry words a write that fails.
    await (0,promises_namespaceObject.writeFile)(entry.target, data, { mode: 0o600 }).catch((error) => {
        throw packing_errors_entryRefusal(archive, entry.name, `could not be extracted (${describe(error)})`);
    });
}
/** Fails an entry whose size or sha256 differs from its manifest record. */
function matchRecord(archive, entry, bytes, digest) {
    const expected = entry.record;
    if (bytes !== expected.size) {
        throw packing_errors_entryRefusal(archive, entry.name, `has ${bytes} bytes, the manifest ${expected.size}`);
    }
    if (digest !== expected.sha256) {
        throw packing_errors_entryRefusal(archive, entry.name, 'does not match its sha256 in the manifest');
    }
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
;// CONCATENATED MODULE: ./src/packing/stream-extract.ts







const LOCAL = 0x04034b50;
/**
 * Inflated bytes per output chunk: each chunk costs a callback, a hash update and a file write
 * on the main thread (zlib's 16 KiB default cost twice the time; 256 KiB still a third more).
 */
const INFLATE_CHUNK = 1024 * 1024;
/**
 * A deflated entry up to this size is taken off the download whole and inflated while the next
 * entries stream in: inflating one entry is one thread's work, slower than the download, so
 * entries inflating at once (on zlib's pool) keep every core busy. 100 MiB of JSON in 4 files
 * extracted in 0.45-0.65 s this way, against 0.82-1.08 s one entry after the other. Larger
 * entries stream through, one at a time. The entry is gathered into one Buffer, not handed to
 * the inflater in the socket's 64 KiB pieces: each piece cost a round trip between the thread
 * pool and this thread, which left the cores idle while this thread hashed. 1 GiB of JSON was
 * restored in a median 3.64 s against 3.86 s (each of 6 interleaved pairs faster), peaking at
 * 217-251 MB against 253-268 MB: the pieces are let go as they are copied.
 */
const INFLATE_BESIDE = 21 * 1024 * 1024;
/**
 * Entries inflating beside the download at once; the next is read while fewer run. So at most
 * 63 MiB of deflated bytes are held: the bench's 1 GiB of JSON (entries of 17 MiB) peaked at
 * 274 MB restoring.
 */
const INFLATES_IN_FLIGHT = 3;
/**
 * Extracts a zip while it downloads, entry by entry in the order of the data, each checked as
 * {@link extractArchive} checks it (manifest, path, size, sha256); files superseded by a later
 * archive are passed over. The bytes are hashed on the way; the digest and the directory read
 * beforehand are compared with what streamed once the last byte is in.
 * @throws ArchiveIntegrityError for an entry the manifest refuses or bytes that differ
 * @throws UnstreamableZipError for a layout this reader does not follow
 */
async function extractStream(source, zip, location, expected, staging, superseded = () => false) {
    const entries = readDirectory(zip.directory, location);
    const context = entryContext(zip.archive, expected, staging, superseded);
    const reader = new ByteReader(source);
    const work = {
        writes: new Pending(limit_FILE_CONCURRENCY),
        inflates: new Pending(INFLATES_IN_FLIGHT)
    };
    try {
        for (const entry of entries)
            await streamEntry(reader, entry, context, work);
        await work.writes.drain();
        await work.inflates.drain();
    }
    catch (error) {
        // Nothing may go on writing into staging, nor keep the download open, once this fails.
        await Promise.all([work.writes.settle(), work.inflates.settle()]);
        reader.close();
        throw error;
    }
    await matchStreamed(reader, zip, location);
    missingFiles(context);
}
/**
 * Extracts a zip held whole in memory (an archive read out of a pack), with the checks of
 * {@link extractStream}: its directory is read from its end, its bytes hashed against `digest`.
 * @throws ArchiveIntegrityError for an entry the manifest refuses or bytes that differ
 * @throws UnstreamableZipError for a layout this reader does not follow
 */
async function extractBytes(bytes, zip, expected, staging, superseded = () => false) {
    const size = bytes.length;
    const tailStart = Math.max(0, size - TAIL_BYTES);
    const location = locateDirectory(bytes.subarray(tailStart), tailStart, size);
    const directory = bytes.subarray(location.start, location.start + location.length);
    const whole = { ...zip, size, directory };
    await extractStream(external_node_stream_.Readable.from([bytes]), whole, location, expected, staging, superseded);
}
/** Extracts the next entry from the stream, or passes over its data when it is not wanted. */
async function streamEntry(reader, entry, context, { writes, inflates }) {
    await readLocalHeader(reader, entry);
    const admitted = admitEntry(context, entry);
    if (!admitted) {
        await reader.skip(entry.compressed);
        return;
    }
    const { archive } = context;
    if (entry.compressed <= limit_SMALL_FILE && admitted.record.size <= limit_SMALL_FILE) {
        // Small: read whole, inflated at once, written while the next entries stream in.
        const bytes = await reader.read(entry.compressed);
        const data = entry.method === 8 ? inflateWhole(archive, admitted, bytes) : bytes;
        await writes.add(stageWholeEntry(archive, admitted, data));
        return;
    }
    if (entry.method === 8 && entry.compressed <= INFLATE_BESIDE) {
        const deflated = await reader.read(entry.compressed);
        const inflate = (0,external_node_zlib_.createInflateRaw)({ chunkSize: INFLATE_CHUNK });
        await inflates.add(stageEntry(archive, admitted, external_node_stream_.Readable.from([deflated], { objectMode: false }), [inflate]));
        return;
    }
    await writes.drain();
    const inflate = entry.method === 8 ? [(0,external_node_zlib_.createInflateRaw)({ chunkSize: INFLATE_CHUNK })] : [];
    await stageEntry(archive, admitted, reader.take(entry.compressed), inflate);
}
/**
 * Reads up to an entry's data: its local header must be where the directory says and agree
 * with it (method, name), and a stored entry's sizes must be equal.
 * @throws UnstreamableZipError
 */
async function readLocalHeader(reader, entry) {
    if (entry.offset < reader.position) {
        throw new UnstreamableZipError(`${entry.name} overlaps the entry before it`);
    }
    await reader.skip(entry.offset - reader.position);
    const header = await reader.read(30);
    if (header.readUInt32LE(0) !== LOCAL || header.readUInt16LE(8) !== entry.method) {
        throw new UnstreamableZipError(`${entry.name}: its local header differs from the directory`);
    }
    const name = await reader.read(header.readUInt16LE(26));
    await reader.skip(header.readUInt16LE(28));
    if (!name.equals(entry.nameBytes)) {
        throw new UnstreamableZipError(`${entry.name}: its local header names another file`);
    }
    if (entry.method === 0 && entry.compressed !== entry.size) {
        throw new UnstreamableZipError(`${entry.name}: stored, yet its sizes differ`);
    }
}
/**
 * Reads the rest of the download: its length and digest must be those recorded at upload, and
 * the central directory in it the one read beforehand.
 * @throws UnstreamableZipError
 */
async function matchStreamed(reader, zip, location) {
    await reader.skip(location.start - reader.position);
    const directory = await reader.read(location.length);
    await reader.drain();
    if (reader.position !== zip.size || reader.digest() !== zip.digest) {
        throw new UnstreamableZipError('the bytes differ from the digest recorded at upload');
    }
    if (!directory.equals(zip.directory)) {
        throw new UnstreamableZipError('the central directory read first differs from the one streamed');
    }
}
/** A small entry's inflated bytes, never more than the manifest records. */
function inflateWhole(archive, entry, bytes) {
    try {
        return (0,external_node_zlib_.inflateRawSync)(bytes, { maxOutputLength: Math.max(1, entry.record.size) });
    }
    catch (error) {
        // By its code: a RangeError made in another realm (a test's) is no instance of this one's.
        const past = error.code === 'ERR_BUFFER_TOO_LARGE';
        throw packing_errors_entryRefusal(archive, entry.name, past
            ? `inflates past the ${entry.record.size} bytes recorded`
            : `could not be extracted (${error.message})`);
    }
}
/** Writes in flight, at most `limit`; the first failure is thrown by the next add or drain. */
class Pending {
    limit;
    running = new Set();
    failure;
    constructor(limit) {
        this.limit = limit;
    }
    async add(write) {
        const tracked = write
            .catch((error) => {
            this.failure ??= { error };
        })
            .finally(() => this.running.delete(tracked));
        this.running.add(tracked);
        while (this.running.size >= this.limit)
            await Promise.race(this.running);
        this.check();
    }
    async drain() {
        await this.settle();
        this.check();
    }
    /** Waits for every write in flight, failed or not. */
    async settle() {
        await Promise.all(this.running);
    }
    check() {
        if (this.failure !== undefined)
            throw this.failure.error;
    }
}
/** Reads exact byte counts from a stream of chunks, hashing everything that passes. */
class ByteReader {
    position = 0;
    head = Buffer.alloc(0);
    chunks;
    hash = (0,external_node_crypto_.createHash)('sha256');
    constructor(source) {
        this.chunks = source[Symbol.asyncIterator]();
    }
    /** `sha256:<hex>` of every byte read; call once, after {@link drain}. */
    digest() {
        return `sha256:${this.hash.digest('hex')}`;
    }
    /** Reads the next chunk into the head, once the head is used up. */
    async more() {
        const next = await this.chunks.next();
        if (next.done === true)
            throw new UnstreamableZipError('the download ended early');
        this.hash.update(next.value);
        this.head = next.value;
    }
    /**
     * The next `count` bytes in one Buffer: a view of the head when it holds them, else each
     * piece copied in as it arrives (and let go). Joining the head to each chunk instead copied
     * an entry of 1 MiB about eight times over.
     */
    async read(count) {
        if (this.head.length < count)
            return this.gather(count);
        const bytes = this.head.subarray(0, count);
        this.head = this.head.subarray(count);
        this.position += count;
        return bytes;
    }
    /** The next `count` bytes, in pieces as they arrive. */
    async *take(count) {
        let left = count;
        while (left > 0) {
            if (this.head.length === 0)
                await this.more();
            const piece = this.head.subarray(0, Math.min(left, this.head.length));
            this.head = this.head.subarray(piece.length);
            this.position += piece.length;
            left -= piece.length;
            yield piece;
        }
    }
    async skip(count) {
        let left = count;
        while (left > 0) {
            if (this.head.length === 0)
                await this.more();
            const step = Math.min(left, this.head.length);
            this.head = this.head.subarray(step);
            this.position += step;
            left -= step;
        }
    }
    async gather(count) {
        const bytes = Buffer.allocUnsafe(count);
        let filled = 0;
        for await (const piece of this.take(count))
            filled += piece.copy(bytes, filled);
        return bytes;
    }
    /** Stops reading: the download it comes from is closed once its pending read settles. */
    close() {
        this.chunks.return?.().catch(() => undefined);
    }
    /** Reads to the end: the position is then the stream's length. */
    async drain() {
        this.position += this.head.length;
        this.head = Buffer.alloc(0);
        for (;;) {
            const next = await this.chunks.next();
            if (next.done === true)
                return;
            this.hash.update(next.value);
            this.position += next.value.length;
        }
    }
}

// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __nccwpck_require__(663);
;// CONCATENATED MODULE: ./src/packing/zip-reader.ts





/** True when a file starts like a zip (a local header, or the end record of an empty zip). */
async function isZipFile(path) {
    const handle = await open(path, 'r');
    try {
        const head = Buffer.alloc(4);
        const { bytesRead } = await handle.read(head, 0, 4, 0);
        const magic = head.subarray(0, bytesRead).toString('hex');
        return magic === '504b0304' || magic === '504b0506';
    }
    finally {
        await handle.close();
    }
}
/**
 * Opens a zip for reading its entries one at a time ({@link zipEntries}); sizes are checked
 * against the headers as entries are read. Close it when done.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a file that is not a readable zip
 */
async function openZip(path, label, names) {
    try {
        return await yauzl.openPromise(path, { ...names, autoClose: false, validateEntrySizes: true });
    }
    catch (error) {
        throw unreadableZip(label, describe(error));
    }
}
/**
 * The entries of an opened zip, one at a time from its central directory. yauzl's refusal of
 * an entry (a name that is absolute or holds `..`, sizes that do not add up) fails it.
 * @throws ArchiveIntegrityError naming the zip, with yauzl's reason
 */
async function* zipEntries(zip, label) {
    const entries = zip.eachEntry();
    try {
        for (;;) {
            const next = await entries.next().catch((error) => {
                throw new ArchiveIntegrityError(label, describe(error));
            });
            if (next.done === true)
                return;
            yield next.value;
        }
    }
    finally {
        // Stops listening for entries when the caller stops early.
        await entries.return?.();
    }
}
/**
 * Opens a zip and lists its entries, reading nothing but the central directory. Entry names
 * yauzl considers unsafe (absolute, `..`) fail the listing.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a truncated or malformed zip
 */
async function listZip(path, label) {
    const zip = await openZip(path, label, { strictFileNames: false });
    try {
        const entries = [];
        for await (const entry of zipEntries(zip, label))
            entries.push(entry);
        return { zip, entries };
    }
    catch (error) {
        zip.close();
        throw unreadableZip(label, error.reason);
    }
}
function unreadableZip(label, reason) {
    return new ArchiveIntegrityError(label, `not a readable zip (${reason})`);
}
/**
 * Reads one entry into memory, refusing more than `limit` bytes whatever its header claims.
 * @throws ArchiveIntegrityError
 */
async function readEntry(listed, entry, limit, label) {
    const chunks = [];
    await unzipEntry(listed, entry, chunks, limit, label);
    return Buffer.concat(chunks);
}
/**
 * Writes one entry into the file `target` (or onto a list of chunks), refusing more than
 * `limit` bytes whatever its header claims.
 * @returns the bytes written and their `sha256:<hex>`
 * @throws ArchiveIntegrityError
 */
async function unzipEntry(listed, entry, target, limit, label) {
    const overflow = `is over ${limit} bytes`;
    if (entry.uncompressedSize > limit)
        throw entryRefusal(label, entry.fileName, overflow);
    const bytes = () => listed.zip.openReadStreamPromise(entry);
    return writeEntry({ archive: label, name: entry.fileName, bytes, limit }, target, {
        overflow,
        failure: 'could not be read'
    });
}

;// CONCATENATED MODULE: ./src/packing/extract.ts







/**
 * Extracts a files archive into `staging`, checking every entry against the manifest while it
 * is written: an entry the manifest does not list, a path that would leave the folder, a
 * duplicate, or more bytes than recorded stop the extraction before they are written; a size or
 * sha256 that differs, or a listed file missing, fails it at the end. Entries in `superseded`
 * (files a later node saved again, so a later archive holds them) are passed over unread.
 * A zip up to {@link ZIP_IN_MEMORY} is read whole and extracted from memory, its files written
 * several at once; one whose layout that reader does not follow is read entry by entry.
 * The caller has checked the zip's digest (its download's).
 * @param expected the manifest's records held by this archive (links excluded)
 * @throws ArchiveIntegrityError
 */
async function extractArchive(zipPath, archive, expected, staging, superseded = () => false) {
    if ((await (0,promises_namespaceObject.stat)(zipPath)).size <= ZIP_IN_MEMORY) {
        const bytes = await (0,promises_namespaceObject.readFile)(zipPath);
        const zip = { archive, digest: canonical_sha256Digest(bytes) };
        try {
            await extractBytes(bytes, zip, expected, staging, superseded);
            return;
        }
        catch (error) {
            if (!(error instanceof UnstreamableZipError))
                throw error;
        }
    }
    await extractEntryByEntry(zipPath, archive, expected, staging, superseded);
}
/** {@link extractArchive} through yauzl, which follows any layout, one entry at a time. */
async function extractEntryByEntry(zipPath, archive, expected, staging, superseded) {
    const context = entryContext(archive, expected, staging, superseded);
    const zip = await openZip(zipPath, archive, { strictFileNames: true });
    try {
        for await (const entry of zipEntries(zip, archive))
            await extractEntry(zip, entry, context);
    }
    finally {
        zip.close();
    }
    missingFiles(context);
}
async function extractEntry(zip, entry, context) {
    const admitted = admitEntry(context, {
        name: entry.fileName,
        mode: entry.externalFileAttributes >>> 16,
        size: entry.uncompressedSize
    });
    if (!admitted)
        return;
    await stageEntry(context.archive, admitted, await zip.openReadStreamPromise(entry));
}

;// CONCATENATED MODULE: ./src/packing/progress-report.ts

/** How often a long transfer says how far it got: a silent log for minutes looks hung. */
const PROGRESS_INTERVAL_MS = 10_000;
/** The system's clock; its timer never keeps the process alive on its own. */
const systemClock = {
    now: () => Date.now(),
    every: (ms, tick) => {
        const timer = setInterval(tick, ms);
        timer.unref();
        return () => {
            clearInterval(timer);
        };
    }
};
/** One progress line: `<label>: 1.2 GiB of 3.4 GiB (35%), 52.3 MiB/s`. */
function progressLine(label, bytes, total, bytesPerSecond) {
    const of = total > 0 ? ` of ${formatBytes(total)} (${percentOf(bytes, total)}%)` : '';
    return `${label}: ${formatBytes(bytes)}${of}, ${formatRate(bytesPerSecond)}`;
}
function percentOf(bytes, total) {
    return Math.min(100, Math.floor((bytes / total) * 100));
}
/**
 * Says every interval how many bytes `bytes()` counts so far, out of the total, and the rate
 * since the line before; a transfer that ends within the first interval says nothing. Returns
 * the function that stops it.
 */
function startProgress(options, bytes) {
    const clock = options.clock ?? systemClock;
    let last = { at: clock.now(), bytes: bytes() };
    return clock.every(options.everyMs ?? PROGRESS_INTERVAL_MS, () => {
        const now = { at: clock.now(), bytes: bytes() };
        const seconds = (now.at - last.at) / 1000;
        // A retried transfer starts its count over: the rate is then 0, never negative.
        const rate = seconds > 0 ? (now.bytes - last.bytes) / seconds : 0;
        last = now;
        options.log(progressLine(options.label, now.bytes, options.total, rate));
    });
}
/** Runs `work` with a reporter of what `bytes()` counts, stopped however the work ends. */
async function withProgress(options, bytes, work) {
    const stop = startProgress(options, bytes);
    try {
        return await work();
    }
    finally {
        stop();
    }
}
/**
 * The chunks of `source`, reported as they pass: the reporter starts with the first read and
 * stops when the reader ends, fails or stops reading.
 */
async function* reportedChunks(source, options) {
    let bytes = 0;
    const stop = startProgress(options, () => bytes);
    try {
        for await (const chunk of source) {
            bytes += chunk.length;
            yield chunk;
        }
    }
    finally {
        stop();
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __nccwpck_require__(4708);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
;// CONCATENATED MODULE: ./src/transport/http.ts





// The transport's one HTTP client, on node:http: its streams hand the socket's Buffers over as
// they are, where fetch copies every chunk into and out of web streams. It uses the global
// agents, so the runner's proxy settings apply as they did to fetch (on Node 24 with
// NODE_USE_ENV_PROXY=1, HTTP_PROXY/HTTPS_PROXY/NO_PROXY; without it, none).
/**
 * The action's version, sent in every request's User-Agent and printed by `checkpoint-action
 * --version`: package.json's, copied into each bundle when it is built (the bundles do not ship
 * package.json where they could read it).
 */
const ACTION_VERSION = package_namespaceObject.rE;
/** Names the action and its version to every service it calls (the official client sends its own). */
const USER_AGENT = `checkpoint-action/${ACTION_VERSION}`;
/**
 * The `code` of the error a connection not accepted within CONNECT_TIMEOUT_MS fails with: the
 * request never reached the service, so any call may be sent again.
 */
const CONNECT_TIMEOUT_CODE = 'CONNECT_TIMEOUT';
/**
 * One request with the action's User-Agent. Resolves once the answer's headers have come; its
 * body is a stream the caller reads ({@link readBody} reads it whole), and the timers stay armed
 * while it is read.
 * @throws HttpStatusError for a status `accept` does not list, its body read for the message
 * @throws TransferInterruptedError when the time or the idle timeout runs out
 * @throws the socket's own errors (ECONNREFUSED, ECONNRESET...), and {@link CONNECT_TIMEOUT_CODE}
 */
async function request(url, options = {}) {
    const target = new URL(url);
    let response = await exchange(target, options);
    const location = response.headers.location;
    const get = (options.method ?? 'GET') === 'GET';
    if (options.redirected && get && isRedirect(response.statusCode) && location !== undefined) {
        response.resume();
        const next = new URL(location, target);
        options.redirected(next.href);
        const headers = next.origin === target.origin ? options.headers : {};
        response = await exchange(next, { ...options, headers });
    }
    const status = response.statusCode ?? 0;
    if (!(options.accept?.includes(status) ?? (status >= 200 && status < 300))) {
        throw await statusError(response);
    }
    return response;
}
function isRedirect(status) {
    return [301, 302, 303, 307, 308].includes(status ?? 0);
}
/** Sends one request and waits for the answer's headers. */
function exchange(target, options) {
    const body = options.body === undefined ? [] : Buffer.isBuffer(options.body) ? [options.body] : options.body;
    const headers = { 'User-Agent': USER_AGENT, ...options.headers };
    if (options.body !== undefined) {
        headers['Content-Length'] = String(body.reduce((sum, chunk) => sum + chunk.length, 0));
    }
    return new Promise((resolve, reject) => {
        const client = target.protocol === 'https:' ? external_node_https_ : external_node_http_;
        const outgoing = client.request(target, { method: options.method ?? 'GET', headers });
        outgoing.on('error', reject);
        outgoing.on('response', resolve);
        armTimers(outgoing, options);
        for (const chunk of body)
            outgoing.write(chunk);
        outgoing.end();
    });
}
/** Arms a request's timeouts: the whole exchange's, the idle one, the connection's. */
function armTimers(outgoing, options) {
    const timers = new RequestTimers(outgoing);
    if (options.timeoutMs !== undefined) {
        const ms = Math.max(1, Math.round(options.timeoutMs));
        const silence = options.silence ?? `no answer within ${ms} ms`;
        timers.after(ms, () => new TransferInterruptedError(silence));
    }
    const idleMs = options.idleMs;
    if (idleMs !== undefined) {
        outgoing.setTimeout(idleMs, () => {
            timers.fail(new TransferInterruptedError(`got no data for ${idleMs / 1000} s`));
        });
    }
    outgoing.on('socket', socket => {
        // A socket the agent kept alive is connected already.
        if (!socket.connecting)
            return;
        const timer = timers.after(CONNECT_TIMEOUT_MS, connectTimeout);
        socket.once('connect', () => {
            clearTimeout(timer);
        });
    });
}
/**
 * The timers of one request: one that runs out destroys the request, and its answer once there
 * is one, with an error that says which ran out. All of them stop when the answer closes.
 */
class RequestTimers {
    outgoing;
    answer;
    timers = [];
    constructor(outgoing) {
        this.outgoing = outgoing;
        outgoing.on('response', response => {
            this.answer = response;
            response.once('close', () => {
                this.stop();
            });
        });
        outgoing.once('close', () => {
            if (this.answer === undefined)
                this.stop();
        });
    }
    /** Fails the request with `error()` after `ms`, unless stopped first. */
    after(ms, error) {
        const timer = setTimeout(() => {
            this.fail(error());
        }, ms);
        this.timers.push(timer);
        return timer;
    }
    fail(error) {
        this.answer?.destroy(error);
        this.outgoing.destroy(error);
    }
    stop() {
        for (const timer of this.timers)
            clearTimeout(timer);
    }
}
function connectTimeout() {
    return Object.assign(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`), {
        code: CONNECT_TIMEOUT_CODE
    });
}
/**
 * The chunks of an answer's body as they arrive; one that ends before its last byte is an error.
 * The answer is destroyed when the reader stops early, so its connection is not reused half read.
 */
async function* bodyChunks(response) {
    try {
        for await (const chunk of response)
            yield chunk;
        if (!response.complete) {
            throw new TransferInterruptedError('the answer ended before its last byte');
        }
    }
    finally {
        response.destroy();
    }
}
/** An answer's whole body. */
async function readBody(response) {
    const chunks = [];
    for await (const chunk of bodyChunks(response))
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
/** An error answer as a {@link HttpStatusError}: its status, what its body says, its Retry-After. */
async function statusError(response) {
    const body = await readBody(response).catch(() => Buffer.alloc(0));
    return new HttpStatusError(response.statusCode ?? 0, detailOf(body.toString('utf8')) || (response.statusMessage ?? ''), retryAfterMs(response.headers['retry-after']));
}
/** What an error body says, short: a Twirp `msg`, a REST `message`, Azure's `<Message>`. */
function detailOf(text) {
    let detail = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? text;
    try {
        const body = JSON.parse(text);
        const said = body.msg ?? body.message;
        if (typeof said === 'string')
            detail = said;
    }
    catch {
        // Not JSON: the text itself.
    }
    detail = detail.replace(/\s+/g, ' ').trim();
    return detail.length > 200 ? `${detail.slice(0, 197)}...` : detail;
}
/**
 * How long a `Retry-After` header asks to wait, in ms: a number of seconds or an HTTP date
 * (a date in the past asks for no wait). Undefined when absent or unreadable.
 */
function retryAfterMs(header, now = Date.now()) {
    const text = (header ?? '').trim();
    if (text === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    // An HTTP date names its day and month ("Tue, 24 Nov 2026 10:00:30 GMT"); Date.parse would
    // read "-5" as a year.
    const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * What of a signed URL must be masked in the log: its `sig` value, raw and URL-encoded, as the
 * official client masks them. The rest of the URL (account, path, expiry) is not secret.
 */
function signatureSecrets(url) {
    let signature;
    try {
        signature = new URL(url).searchParams.get('sig');
    }
    catch {
        return [];
    }
    return signature ? [...new Set([signature, encodeURIComponent(signature)])] : [];
}

;// CONCATENATED MODULE: ./src/transport/retry.ts




/**
 * Twirp calls and REST API calls: the Twirp client's schedule, which is longer than Octokit's
 * (a REST fallback should not give up sooner than the call it replaces): 5 attempts, 3 s, then
 * x1.5 with jitter; a service down for 24 s is outlasted.
 */
const SERVICE_CALLS = {
    attempts: 5,
    waitMs: (failures, random) => {
        if (failures <= 1)
            return 3000;
        const shortest = 3000 * 1.5 ** (failures - 1);
        return Math.trunc(shortest + random * shortest * 0.5);
    }
};
/** Put Blob, Put Block, Put Block List: the Azure SDK's exponential policy, 0, 4, 12 s. */
const BLOB_UPLOADS = {
    attempts: 4,
    waitMs: failures => (2 ** (failures - 1) - 1) * 4000
};
/** Signed-URL downloads, whole or ranged: 5 tries, 5 s apart. */
const DOWNLOADS = { attempts: 5, waitMs: () => 5000 };
/**
 * Statuses worth another try, for every call: the Twirp client's five, plus 408 (the server
 * gave up waiting for the request, so it never acted on it). Other 4xx answer the same again.
 */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Network errors before the request could reach the service: safe to send again, always. */
const NOT_SENT = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    CONNECT_TIMEOUT_CODE
]);
/** Network errors after the request may have reached it: sent again when idempotent. */
const MAYBE_SENT = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);
/**
 * Time a step spends failing: failed tries and the waits after them, all calls together (one
 * process is one step). Once spent, a failure is final: a step gives up on a dead service
 * within the budget, however many calls it makes; a long transfer that succeeds costs nothing.
 */
class RetryBudget {
    spentMs = 0;
    /** Whether `ms` more failing time fits in `limitMs`; if so it is spent. */
    take(ms, limitMs) {
        if (this.spentMs + ms > limitMs)
            return false;
        this.spentMs += ms;
        return true;
    }
}
const stepBudget = new RetryBudget();
/**
 * Runs `attempt` until it succeeds, the one retry loop of the project. A failure is tried again
 * when it is a retryable status (408, 429, 500, 502, 503, 504), a network error before the
 * request was sent, or, for idempotent calls, a connection or transfer that broke; it waits as
 * the policy says, or longer when a Retry-After asks (seconds or an HTTP date, at most 60 s),
 * every wait scaled by CHECKPOINT_RETRY_SCALE. It gives up when the policy's attempts are used,
 * when the next try would start after the call's deadline (3 min), or when the step's budget
 * (5 min of failing) is spent. Anything else a try throws (a bad digest, a full disk) ends the
 * call as it is.
 * @throws ServiceError naming the call, the last status or error, and the attempts made
 */
async function withRetries(options, attempt) {
    const settings = retrySettings();
    const started = Date.now();
    const call = { options, settings, deadline: started + settings.callDeadlineMs };
    for (let number = 1;; number++) {
        const tried = Date.now();
        try {
            return await attempt({ number, remainingMs: call.deadline - tried });
        }
        catch (error) {
            const failure = classify(error, options.idempotent ?? true);
            if (failure === undefined)
                throw error;
            const next = nextWait(failure, number, tried, call);
            if ('why' in next)
                throw gaveUp(options.what, failure, number, Date.now() - started, next);
            options.log?.(retrying(options.what, failure, number, options.policy.attempts, next));
            await new Promise(resolve => setTimeout(resolve, next.ms));
        }
    }
}
/** A failure of the network or a service; undefined for anything else. */
function classify(error, idempotent) {
    if (error instanceof HttpStatusError && error.status !== undefined) {
        const retryable = RETRYABLE_STATUSES.has(error.status);
        return {
            error,
            outcome: error.message,
            status: error.status,
            retryAfterMs: error.retryAfterMs,
            finalBecause: retryable ? undefined : `a ${error.status} does not change on a retry`
        };
    }
    const code = errorCode(error);
    const notSent = code !== undefined && NOT_SENT.has(code);
    const interrupted = error instanceof TransferInterruptedError || (code !== undefined && MAYBE_SENT.has(code));
    if (!notSent && !interrupted)
        return undefined;
    return {
        error,
        outcome: `failed: ${describe(error)}`,
        status: undefined,
        retryAfterMs: undefined,
        finalBecause: notSent || idempotent
            ? undefined
            : 'the request may have reached the service, and this call is not safe to repeat'
    };
}
/** The `code` of an error or of its causes (a wrapper keeps the socket's error in `cause`). */
function errorCode(error) {
    let current = error;
    for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
        const code = current.code;
        if (typeof code === 'string')
            return code;
        current = current.cause;
    }
    return undefined;
}
/** The wait before the next try, or why there is none. */
function nextWait(failure, failures, tried, call) {
    const { options, settings } = call;
    if (failure.finalBecause !== undefined)
        return { final: true, why: failure.finalBecause };
    if (failures >= options.policy.attempts)
        return { final: false, why: '' };
    const wait = waitFor(failure, failures, options, settings);
    const now = Date.now();
    if (now + wait.ms >= call.deadline) {
        const deadline = humanDuration(settings.callDeadlineMs);
        return { final: false, why: `the next try would start after the call's ${deadline} deadline` };
    }
    if (!(options.budget ?? stepBudget).take(now - tried + wait.ms, settings.stepBudgetMs)) {
        const budget = humanDuration(settings.stepBudgetMs);
        return { final: false, why: `the step has spent its ${budget} of retries` };
    }
    return wait;
}
/**
 * The policy's wait, or the longer one a Retry-After asks for (at most 60 s), scaled: a service
 * is never asked again sooner than it said, nor sooner than the official client would ask.
 */
function waitFor(failure, failures, options, settings) {
    const policy = options.policy.waitMs(failures, (options.random ?? Math.random)());
    const asked = Math.min(failure.retryAfterMs ?? 0, settings.retryAfterCapMs);
    return { ms: Math.round(Math.max(policy, asked) * settings.scale), asked: asked > policy };
}
function gaveUp(what, failure, attempts, elapsedMs, stop) {
    const count = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
    const end = stop.final
        ? `not retried (${count}): ${stop.why}`
        : `gave up after ${count} over ${humanDuration(elapsedMs)}${stop.why === '' ? '' : `: ${stop.why}`}`;
    return new ServiceError(`${what} ${failure.outcome}; ${end}`, failure.status, {
        cause: failure.error
    });
}
function retrying(what, failure, attempt, attempts, wait) {
    const asked = wait.asked ? ', as its Retry-After asks' : '';
    return `${what} ${failure.outcome} on attempt ${attempt} of ${attempts}; trying again in ${humanDuration(wait.ms)}${asked}`;
}
/** A duration for a message: "250 ms", "4.5 s", "180 s". */
function humanDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    return `${Number((ms / 1000).toFixed(1))} s`;
}

;// CONCATENATED MODULE: ./src/transport/blob-transfer.ts









/**
 * Streams a URL's body into a file, counting and hashing it on the way, and returns its size and
 * `sha256:<hex>`. Given up when no data comes for the idle timeout; a try that fails starts the
 * file over (DOWNLOADS schedule).
 */
async function downloadToFile(url, file, options) {
    const { what, log, headers, redirected, progress } = options;
    return withRetries({ what, log, policy: DOWNLOADS }, async () => {
        const idleMs = IDLE_TIMEOUT_MS;
        const response = await request(url, { headers, redirected, idleMs, accept: [200] });
        const meter = new ByteMeter(Number.POSITIVE_INFINITY, undefined, progress);
        await (0,external_node_stream_promises_namespaceObject.pipeline)(bodyChunks(response), meter, (0,external_node_fs_.createWriteStream)(file, { mode: 0o644 }));
        return { size: meter.bytes, digest: meter.digest() };
    });
}
/**
 * A signed URL's body as it arrives, for a reader that consumes it on the way. Opening it is
 * retried (DOWNLOADS schedule); a body that breaks or stops for the idle timeout part-way is not:
 * the caller falls back to a whole download.
 */
async function* streamBody(url, options) {
    const open = () => request(url, { idleMs: IDLE_TIMEOUT_MS, accept: [200] });
    yield* bodyChunks(await withRetries({ ...options, policy: DOWNLOADS }, open));
}
/**
 * Bytes `start` to `end` (exclusive) of a signed URL, in one ranged GET (DOWNLOADS schedule).
 * An answer of another length is not retried: the caller falls back to a whole download.
 */
async function fetchRange(url, start, end, options) {
    const range = `bytes=${start}-${end - 1}`;
    return withRetries({ ...options, policy: DOWNLOADS }, async ({ remainingMs }) => {
        const headers = { Range: range, 'x-ms-range': range };
        const timeoutMs = Math.min(CALL_TIMEOUT_MS, remainingMs);
        const response = await request(url, { headers, timeoutMs, accept: [200, 206] });
        const bytes = await readBody(response);
        if ((response.statusCode === 200 && start !== 0) || bytes.length !== end - start) {
            throw new ServiceError(`A ranged download answered ${String(response.statusCode)} with ${bytes.length} bytes, not ${end - start}`, response.statusCode);
        }
        return bytes;
    });
}
/** Bytes per Put Block: big enough for few requests, small enough to hold a few in memory. */
const BLOCK_BYTES = 8 * 1024 * 1024;
/**
 * Streams bytes to a signed block-blob URL, asked for only when the first bytes are ready to go
 * (a source that fails early creates nothing), and returns their size and `sha256:<hex>`: one Put
 * Blob when they fit in a block, else Put Blocks (`concurrency` in flight, each retried on the
 * BLOB_UPLOADS schedule, one that gets no answer within the stall timeout sent again) and one
 * Put Block List. Nothing is readable at the URL until that last request: a failed upload
 * leaves nothing behind.
 */
async function uploadStream(url, source, options) {
    const settings = { ...uploadSettings(), ...options };
    const tally = { hash: (0,external_node_crypto_.createHash)('sha256'), size: 0 };
    const upload = new BlockUpload(url, settings);
    const blocks = blocksOf(source, options.blockBytes ?? BLOCK_BYTES, tally);
    await forEachBounded(blocks, settings.concurrency, block => upload.send(block));
    await upload.commit();
    return { size: tally.size, digest: `sha256:${tally.hash.digest('hex')}` };
}
/**
 * Cuts a stream of chunks into blocks of `blockBytes`, each one handed on as soon as it is
 * full, before the next chunk is read; what is left at the end is the last block. Every chunk
 * is counted and hashed into `tally` as it passes.
 */
async function* blocksOf(source, blockBytes, tally) {
    let chunks = [];
    let bytes = 0;
    let index = 0;
    for await (const chunk of source) {
        tally.hash.update(chunk);
        tally.size += chunk.length;
        let rest = chunk;
        while (bytes + rest.length >= blockBytes) {
            chunks.push(rest.subarray(0, blockBytes - bytes));
            rest = rest.subarray(blockBytes - bytes);
            yield { index: index++, chunks, bytes: blockBytes, last: false };
            chunks = [];
            bytes = 0;
        }
        if (rest.length > 0) {
            chunks.push(rest);
            bytes += rest.length;
        }
    }
    yield { index, chunks, bytes, last: true };
}
/** The requests of one upload: one Put Blob, or Put Blocks and then the block list. */
class BlockUpload {
    url;
    options;
    ids = [];
    constructor(url, options) {
        this.url = url;
        this.options = options;
    }
    /** Sends a block: a Put Blob when it is the only one, else a Put Block (none when empty). */
    async send(block) {
        const { contentType, what } = this.options;
        if (block.last && block.index === 0) {
            const headers = { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': contentType };
            await this.put(await this.url(), block.chunks, headers, what);
            return;
        }
        if (block.bytes === 0)
            return;
        const id = Buffer.from(`block-${String(block.index).padStart(8, '0')}`).toString('base64');
        this.ids[block.index] = id;
        const target = `${await this.url()}&comp=block&blockid=${encodeURIComponent(id)}`;
        await this.put(target, block.chunks, {}, `${what} (block ${block.index + 1})`);
    }
    /** Commits the blocks, in order, with a Put Block List; nothing to do after a Put Blob. */
    async commit() {
        if (this.ids.length === 0)
            return;
        const { contentType, what } = this.options;
        const list = `<?xml version="1.0" encoding="utf-8"?><BlockList>${this.ids
            .map(id => `<Latest>${id}</Latest>`)
            .join('')}</BlockList>`;
        const headers = { 'Content-Type': 'application/xml', 'x-ms-blob-content-type': contentType };
        const target = `${await this.url()}&comp=blocklist`;
        await this.put(target, [Buffer.from(list)], headers, `${what} (block list)`);
    }
    /** One PUT on the BLOB_UPLOADS schedule: network errors, stalls, 408, 429 and 5xx retried. */
    async put(url, body, headers, what) {
        const { stallMs, log } = this.options;
        const silence = `no answer within ${String(stallMs)} ms (upload stalled)`;
        await withRetries({ what, policy: BLOB_UPLOADS, log }, async () => {
            const answer = await request(url, {
                method: 'PUT',
                headers,
                body,
                timeoutMs: stallMs,
                silence
            });
            // The status says the bytes are stored; what the body says after it changes nothing.
            await readBody(answer).catch(() => undefined);
        });
    }
}

;// CONCATENATED MODULE: ./src/checkpoint/packs.ts

// Packs: small archives merged into one artifact, so a checkpoint references few artifacts of
// its run whatever the number of nodes (restore's requests stay bounded, a job's artifacts
// stay under the service's limit). The policy here is pure: the save decides, then uploads.
/** An archive under this size is small: merged into packs. A larger one stays its own artifact. */
const PACKABLE_ARCHIVE_BYTES = 8 * 1024 * 1024;
/**
 * After a save, the newest checkpoint references at most this many artifacts of its run that
 * hold small archives: the new node's own archive and at most three packs or small archives.
 */
const SMALL_UNITS_PER_CHECKPOINT = 4;
/** The newest checkpoint documents of a scope in a job that stay artifacts of their own. */
const SEPARATE_DOCUMENTS = 3;
/** A pack carries at most this many retired documents, the newest; older ones are dropped. */
const DOCUMENTS_PER_PACK = 20;
/**
 * A save that merges nothing still writes a pack once this many of the job's documents wait to
 * be retired (nodes without files, or whose files are large, merge nothing).
 */
const RETIRE_WITHOUT_MERGE = 8;
/** True for an archive a pack may hold: a files archive in run `runId`'s artifacts, small. */
function isPackable(record, runId) {
    return (record.cache === undefined &&
        record.runId === runId &&
        isSmall(record) &&
        parseAnyArtifactName(record.name)?.kind === 'files');
}
function isSmall(record) {
    return record.size < PACKABLE_ARCHIVE_BYTES;
}
/** The artifact that holds an archive of this run: its pack, or its own. */
function holderOf(record) {
    return record.pack ?? record.name;
}
/**
 * The artifacts of run `runId` holding the small archives of `archives`, oldest first (by the
 * checkpoint that wrote them: attempt, then sequence).
 */
function smallUnits(archives, runId) {
    const units = new Map();
    for (const record of archives.filter(item => isPackable(item, runId))) {
        const artifact = holderOf(record);
        const unit = units.get(artifact) ?? { artifact, size: 0, archives: [] };
        unit.size += record.size;
        unit.archives.push(record);
        units.set(artifact, unit);
    }
    return [...units.values()].sort(byWriter);
}
function byWriter(a, b) {
    const refA = parseAnyArtifactName(a.artifact)?.ref;
    const refB = parseAnyArtifactName(b.artifact)?.ref;
    if (!refA || !refB)
        return compareText(a.artifact, b.artifact);
    return compareRefs(refA, refB);
}
/**
 * The growth factor of the merge policy: merging a suffix worth at least 1/b of the unit before
 * it keeps units geometric, so each byte is rewritten about log_b(n) times.
 */
function growthFactor(smallArchives) {
    return Math.max(2, Math.cbrt(smallArchives));
}
/**
 * Where the merged suffix of `sizes` (units oldest first) starts: at j - 1 for the newest j
 * whose suffix, times `b`, outweighs unit j - 1; else the two newest units.
 */
function mergeStart(sizes, b) {
    let suffix = 0;
    for (let j = sizes.length - 1; j >= 1; j--) {
        suffix += sizes[j] ?? 0;
        if (suffix * b >= (sizes[j - 1] ?? 0))
            return j - 1;
    }
    return Math.max(0, sizes.length - 2);
}
/**
 * Which of the older units (oldest first, without the new node's own archive) a save merges
 * into one pack so that at most {@link SMALL_UNITS_PER_CHECKPOINT} - 1 remain: a suffix of
 * them, or none when the budget already holds.
 * @param smallArchives how many small archives the pipeline holds, the new one included
 */
function unitsToMerge(older, smallArchives) {
    const b = growthFactor(smallArchives);
    let sizes = older.map(unit => unit.size);
    let start = sizes.length;
    while (sizes.length > SMALL_UNITS_PER_CHECKPOINT - 1) {
        const from = mergeStart(sizes, b);
        const merged = sizes.slice(from).reduce((total, size) => total + size, 0);
        sizes = [...sizes.slice(0, from), merged];
        start = Math.min(start, from);
    }
    return older.slice(start);
}

;// CONCATENATED MODULE: ./src/resume/stage-archive.ts














/** Archives whose bytes are on the runner staged at once: their file operations overlap. */
const LOCAL_ARCHIVES_AT_ONCE = 8;
/**
 * Downloads every archive a checkpoint's files live in and extracts it into `staging`, each
 * checked against the digest recorded at upload and every file against the manifest. Nothing
 * reaches the workspace here: a bad archive fails the whole checkpoint before any file moves.
 */
async function stageFiles(document, source, folders, fileKey) {
    await (0,promises_namespaceObject.mkdir)(folders.staging, { recursive: true });
    await (0,promises_namespaceObject.mkdir)(folders.downloads, { recursive: true });
    const byArchive = new Map();
    for (const file of document.files) {
        if (file.archive === undefined)
            continue;
        const files = byArchive.get(file.archive);
        if (files)
            files.push(file);
        else
            byArchive.set(file.archive, [file]);
    }
    const fetched = document.archives
        .filter(record => byArchive.has(record.name))
        .map(record => ({ fetcher: source(record), record, folders }));
    // Each archive holds its own files (a path is staged by the one archive holding it), so
    // archives staged together never write the same file.
    const stage = (item) => stageArchive(item, byArchive.get(item.record.name) ?? [], supersededIn(document, item.record.name), fileKey);
    await forEachBounded(fetched.filter(item => item.fetcher.local === true), LOCAL_ARCHIVES_AT_ONCE, stage);
    for (const item of fetched.filter(item => item.fetcher.local !== true))
        await stage(item);
}
/**
 * The archives of this run's artifacts (small ones through `copies`, when given: whole, from
 * their packs); an archive kept elsewhere (in another run, or in the
 * cache) goes to `elsewhere`, and without it is refused.
 */
function runArchives(store, artifacts, runId, elsewhere, copies) {
    return record => {
        if (record.cache !== undefined || record.runId !== runId) {
            if (elsewhere)
                return elsewhere(record);
            throw new ArchiveIntegrityError(record.name, `is kept in run ${record.runId}, not this run`);
        }
        // A small archive is read whole (from its pack, or its own artifact) and kept for merges;
        // one in a listed pack is extracted from the pack's bytes (the pack is what is kept).
        if (copies && (record.pack !== undefined || isPackable(record, runId))) {
            const download = () => copies.archive(record);
            if (!copies.inListedPack(record))
                return { download };
            const zip = { archive: record.name, digest: record.digest };
            return {
                stream: async (expected, into, superseded) => extractBytes(await copies.bytesInPack(record), zip, expected, into, superseded),
                download,
                local: true
            };
        }
        const artifact = listedArtifact(store, record);
        return {
            stream: (expected, into, superseded) => streamArchive(artifacts, artifact, record, expected, into, superseded),
            download: downloads => artifacts.download(artifact, downloads)
        };
    };
}
/**
 * The run's artifact of an archive the checkpoint records.
 * @throws ArchiveIntegrityError when the run has none, or one with another digest
 */
function listedArtifact(store, record) {
    const artifact = store.artifact(record.name);
    if (!artifact)
        throw new ArchiveIntegrityError(record.name, `is not among run ${record.runId}'s artifacts`);
    if (artifact.digest !== undefined && artifact.digest !== record.digest) {
        throw new ArchiveIntegrityError(record.name, 'its digest differs from the one the checkpoint recorded');
    }
    return artifact;
}
/** Extracts one archive's files into staging; a sealed one is opened with the file key. */
async function stageArchive(fetched, files, superseded, fileKey) {
    const { record, folders } = fetched;
    if (record.packing !== 'zip-encrypted') {
        await extractFrom(fetched, files, folders.staging, superseded);
        return;
    }
    if (!fileKey)
        throw new ArchiveIntegrityError(record.name, 'it is encrypted: give the encryption key');
    const sealed = (0,external_node_path_.join)(folders.downloads, `${record.name}.sealed`);
    // Opaque names say nothing of which file a sealed entry was: an entry this checkpoint does
    // not need is one a later node saved again. It is passed over, never decrypted or placed.
    await extractFrom(fetched, files.map(file => sealedRecord(record.name, file)), sealed, name => /^f\d{6}$/.test(name));
    await openFiles(record.name, files, sealed, folders.staging, fileKey);
}
/**
 * Files of the pipeline that another archive holds: an earlier archive still carries its old
 * version of a file a later node saved again, which is passed over rather than refused.
 */
function supersededIn(document, archive) {
    const holders = archiveOfPath(document);
    return name => holders.has(name) && holders.get(name) !== archive;
}
const holdersOf = new WeakMap();
/** Each path of the manifest and the archive holding it, once per checkpoint (many archives). */
function archiveOfPath(document) {
    let holders = holdersOf.get(document);
    if (!holders) {
        holders = new Map(document.files.map(file => [file.path, file.archive]));
        holdersOf.set(document, holders);
    }
    return holders;
}
/**
 * Extracts an archive while it downloads (its directory fetched first, from its end); when that
 * cannot be done (no signed URL, a layout the streaming reader does not follow, a transfer cut
 * short), downloads it whole, checks its digest and extracts it then. Either way every entry is
 * checked against the manifest before the caller places anything.
 */
async function extractFrom({ fetcher, record, folders }, expected, into, superseded) {
    if (fetcher.stream) {
        try {
            await fetcher.stream(expected, into, superseded);
            return;
        }
        catch (error) {
            info(`Reading ${record.name} while it downloads failed (${describe(error)}): downloading it whole`);
        }
    }
    const zip = await fetcher.download(folders.downloads);
    await extractArchive(zip, record.name, expected, into, superseded);
}
async function streamArchive(artifacts, artifact, record, expected, into, superseded) {
    const url = await artifacts.signedUrl(artifact);
    const transfer = artifacts.transfer(artifact);
    const size = record.size;
    const tailStart = Math.max(0, size - TAIL_BYTES);
    const tail = await fetchRange(url, tailStart, size, transfer);
    const location = locateDirectory(tail, tailStart, size);
    const directory = location.start >= tailStart
        ? tail.subarray(location.start - tailStart, location.start - tailStart + location.length)
        : await fetchRange(url, location.start, location.start + location.length, transfer);
    await extractStream(reportedChunks(streamBody(url, transfer), {
        label: `Restoring ${record.name}`,
        total: size,
        log: logProgress
    }), { archive: record.name, size, digest: record.digest, directory }, location, expected, into, superseded);
}

;// CONCATENATED MODULE: ./src/resume/found.ts









/** Where checkpoints come from: this run's earlier attempts, earlier runs, the Actions cache. */
const SOURCE_NAMES = ['attempts', 'runs', 'cache'];
/**
 * Adds a verified checkpoint's nodes that no earlier source supplied to what was found. The
 * first checkpoint is taken whole, as restore always took it; later ones give only their part.
 */
function take(found, document, sourceOf) {
    const fresh = document.nodes.filter(node => found.reuse.sources[node.id] === undefined);
    if (found.document === undefined) {
        found.document = document;
    }
    else {
        if (fresh.length === 0)
            return;
        found.document = mergeInto(found.document, restrictTo(document, fresh.map(node => node.id)));
    }
    for (const node of fresh) {
        found.reuse.sources[node.id] = sourceOf(node);
        found.reuse.reasons[node.id] = 'done';
        found.known.add(node.id);
    }
    if (!found.newest || isNewer(document, found.newest))
        found.newest = document;
}
/** Orders checkpoints of any runs: by run, then attempt, then sequence. */
function isNewer(a, b) {
    const runs = Number(a.run.runId) - Number(b.run.runId);
    if (runs !== 0 && !Number.isNaN(runs))
        return runs > 0;
    return a.attempt - b.attempt > 0 || (a.attempt === b.attempt && a.sequence > b.sequence);
}
const BETTER = new Set(['done', 'offered']);
const RETRYABLE = new Set(['files-missing', 'corrupt', 'untrusted']);
/**
 * Records why a node was or was not taken: the newest source's word stands, unless an older
 * one takes it, or the newest could not even be read.
 */
function setReason(found, node, reason) {
    const current = found.reuse.reasons[node];
    if (current === undefined || BETTER.has(reason) || RETRYABLE.has(current)) {
        found.reuse.reasons[node] = reason;
    }
}
/**
 * Stages the part of each node of `ids` (its files fetched and checked against the manifest),
 * then places the ones that verified into the workspace, in the order the nodes wrote. A node
 * whose files do not verify is left out (`files-missing`), the others still taken.
 * @returns the nodes placed
 */
async function placeParts(document, ids, source, request, found, scratch, label = `run ${document.run.runId}`) {
    const fileKey = new CheckpointCodec(request.keys).fileKey;
    const staged = [];
    for (const id of ids) {
        const part = restrictTo(document, [id]);
        const staging = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_.join)(scratch, 'staging-'));
        try {
            await stageFiles(part, source, { downloads: (0,external_node_path_.join)(scratch, 'downloads'), staging }, fileKey);
            staged.push({ id, part, staging });
        }
        catch (error) {
            if (!(error instanceof CheckpointError) || isPermissionError(error))
                throw error;
            found.reuse.reasons[id] = 'files-missing';
            warning(`Node '${id}' is not taken from ${label}: ${describe(error)}`);
        }
    }
    for (const { part, staging } of staged) {
        await placeFiles(staging, part.files, request.context.workspace);
    }
    return staged.map(item => item.id);
}
function isPermissionError(error) {
    return error instanceof GitHubApiError && error.status === 403;
}

;// CONCATENATED MODULE: ./src/restore/restore-inputs.ts






/** Reads and validates the restore entry's inputs. @throws InvalidInputError */
function getRestoreInputs() {
    return {
        scope: getScope(),
        githubToken: getInput(Input.GithubToken),
        failOnError: getBoolean(Input.FailOnError, false),
        rerun: getList(Input.Rerun).map(id => ids_validateId(Input.Rerun, id)),
        rerunFrom: optionalId(Input.RerunFrom),
        reset: getBoolean(Input.Reset, false),
        protection: getProtection()
    };
}
function optionalId(name) {
    const value = getInput(name);
    return value === '' ? undefined : ids_validateId(name, value);
}
/** The restore entry's inputs that say where else checkpoints may come from. */
var SourceInput;
(function (SourceInput) {
    SourceInput["From"] = "from";
    SourceInput["Match"] = "match";
    SourceInput["MaxRuns"] = "max-runs";
    SourceInput["Keys"] = "keys";
})(SourceInput || (SourceInput = {}));
/** Reads and validates `from`, `match`, `max-runs` and `keys`. @throws InvalidInputError */
function getSourceInputs(env = process.env) {
    return {
        from: getFrom(env),
        match: getMatch(),
        maxRuns: getMaxRuns(),
        keys: getKeys()
    };
}
function getFrom(env) {
    const given = getList(SourceInput.From);
    if (given.length === 0)
        return config_isGhes(env) ? ['attempts', 'cache'] : ['attempts'];
    const from = [];
    for (const item of given) {
        const source = SOURCE_NAMES.find(name => name === item);
        if (!source) {
            throw new errors_InvalidInputError(SourceInput.From, getInput(SourceInput.From), `'${item}' is not a source: list attempts, runs or cache, separated by commas or new lines`);
        }
        if (!from.includes(source))
            from.push(source);
    }
    return from;
}
function getMatch() {
    const value = getInput(SourceInput.Match);
    if (value === '' || value === 'ref')
        return 'ref';
    if (value === 'sha')
        return 'sha';
    throw new errors_InvalidInputError(SourceInput.Match, value, 'must be ref (runs of this branch, then of the default branch) or sha (runs of this commit)');
}
function getMaxRuns() {
    const value = getInput(SourceInput.MaxRuns);
    if (value === '')
        return 10;
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < 1) {
        throw new errors_InvalidInputError(SourceInput.MaxRuns, value, 'must be a positive whole number');
    }
    return number;
}
const KEYS_RULE = 'each line must be node=key, e.g. build=<the same key as the save step of build>, with a node ' +
    ID_RULE.replace(/^must be/, 'of');
function getKeys() {
    const text = getInput(SourceInput.Keys);
    const keys = new Map();
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (line === '')
            continue;
        const equals = line.indexOf('=');
        const node = equals > 0 ? line.slice(0, equals).trim() : '';
        if (!ID_PATTERN.test(node)) {
            throw new errors_InvalidInputError(SourceInput.Keys, text, `line ${index + 1}: ${KEYS_RULE}`);
        }
        const clash = keys.has(node) ? node : caseCollision(node, keys.keys());
        if (clash !== undefined) {
            throw new errors_InvalidInputError(SourceInput.Keys, text, `line ${index + 1} names node '${node}' again (node ids are unique ignoring case)`);
        }
        keys.set(node, line.slice(equals + 1).trim());
    }
    return keys;
}

;// CONCATENATED MODULE: ./src/action/step-lock.ts




const FIFTEEN_MINUTES = (/* unused pure expression or super */ null && (15 * 60 * 1000));
/** The folder of the job's checkpoint files in RUNNER_TEMP. */
function stepFolder(runnerTemp) {
    return (0,external_node_path_.join)(runnerTemp, 'checkpoint-action');
}
/** A name no other step (process) of the job uses for a temporary file next to `file`. */
function uniqueTemp(file) {
    return `${file}.${String(process.pid)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
}
/**
 * Runs `work` while holding the lock of `scope`, released after (also when it throws).
 * @throws Error naming the lock file when it stays held by a live process past the timeout
 */
async function step_lock_withScopeLock(runnerTemp, scope, work, options = {}) {
    const file = join(stepFolder(runnerTemp), `${scope}.lock`);
    const release = await acquire(file, options);
    try {
        return await work();
    }
    finally {
        await release();
    }
}
/**
 * Marks `node` of `scope` as being saved by this step; the returned function unmarks it.
 * @throws ConfigurationError when another live step of the job saves the same node now
 */
async function claimNode(runnerTemp, scope, node, options = {}) {
    const file = join(stepFolder(runnerTemp), `${scope}.${node}.saving`);
    await mkdir(stepFolder(runnerTemp), { recursive: true });
    const got = await tryAcquire(file, options.isAlive ?? isAlive);
    if (typeof got === 'function')
        return got;
    throw new ConfigurationError(`Node '${node}' of scope '${scope}' is being saved by another step of this job (process ${String(got)}) at the same time: steps that run in parallel must save different nodes. This save is refused; the other one goes on.`);
}
/**
 * Runs `work` while `node` of `scope` is claimed by this step (see {@link claimNode}).
 * @throws ConfigurationError when another live step of the job saves the same node now
 */
async function withNodeClaim(runnerTemp, scope, node, work) {
    const unclaim = await claimNode(runnerTemp, scope, node);
    try {
        return await work();
    }
    finally {
        await unclaim();
    }
}
/** Takes the lock in `file`, trying again after a growing pause while a live process holds it. */
async function acquire(file, options) {
    const now = options.now ?? Date.now;
    const pause = options.pause ?? defaultPause;
    const timeoutMs = options.timeoutMs ?? FIFTEEN_MINUTES;
    const started = now();
    await mkdir(join(file, '..'), { recursive: true });
    for (let delay = 10;; delay = Math.min(delay * 2, 250)) {
        const got = await tryAcquire(file, options.isAlive ?? isAlive);
        if (typeof got === 'function')
            return got;
        if (delay === 10)
            (options.onWait ?? logLine)(`Waiting for ${file}: process ${String(got)} of this job holds it.`);
        if (now() - started >= timeoutMs) {
            throw new Error(`Waited ${String(Math.round(timeoutMs / 1000))} s for the lock ${file}, held by process ${String(got)} of this job: another checkpoint step of the job did not finish. Remove the file if that process is stuck.`);
        }
        await pause(delay);
    }
}
/**
 * Creates `file` holding this process's id and a token, or answers the pid of its live holder.
 * The content is written first and linked into place: the name appears whole or not at all.
 */
async function tryAcquire(file, alive) {
    const token = `${String(process.pid)} ${randomBytes(8).toString('hex')}`;
    const temp = uniqueTemp(file);
    await writeFile(temp, token, 'utf8');
    try {
        for (;;) {
            if (await linked(temp, file))
                return () => releaseIfOurs(file, token);
            const holder = await step_lock_holderOf(file);
            // Released since the link failed: link again. Taking over a lock seen gone could move
            // aside the one another step has just taken, and two steps would hold it.
            if (holder === undefined)
                continue;
            if (alive(holder))
                return holder;
            await takeOverStale(file, alive);
        }
    }
    finally {
        await rm(temp, { force: true });
    }
}
async function linked(from, to) {
    try {
        await link(from, to);
        return true;
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw error;
    }
}
/** The pid in a lock file; undefined when it is gone. */
async function step_lock_holderOf(file) {
    try {
        return Number.parseInt(await readFile(file, 'utf8'), 10);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
/**
 * Moves a stale lock aside under a name of its own, so two steps taking it over at once cannot
 * remove a lock one of them just took; a live lock moved by mistake is put back.
 */
async function takeOverStale(file, alive) {
    const aside = uniqueTemp(`${file}.stale`);
    try {
        await rename(file, aside);
    }
    catch {
        return; // gone already: the next try creates it
    }
    const holder = await step_lock_holderOf(aside);
    if (holder !== undefined && alive(holder))
        await linked(aside, file);
    await rm(aside, { force: true });
}
async function releaseIfOurs(file, token) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === token)
        await rm(file, { force: true });
}
/** Whether a process runs: signal 0 checks without sending; EPERM means it runs as another user. */
function isAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/**
 * A line of the step's log, as core.info writes it: the job context (which takes this lock) is
 * read by code that does not load the toolkit.
 */
function logLine(message) {
    process.stdout.write(`${message}\n`);
}
function defaultPause(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./src/action/job-context.ts





const folderOf = stepFolder;
function contextFile(runnerTemp, scope) {
    return (0,external_node_path_.join)(folderOf(runnerTemp), `${scope}.json`);
}
/** The file of a base checkpoint: named by its digest, so the same document is written once. */
function baseFileName(scope, base) {
    return `${scope}.base.${base.digest.replace(/^sha256:/, '')}.json`;
}
/**
 * The job's context for a scope, or undefined before any checkpoint step ran (or when it cannot
 * be read). The base checkpoint is read and verified (digest, shape, depth) unless `base` is
 * false, for steps that only need the rest.
 */
async function loadJobContext(runnerTemp, scope, options = {}) {
    try {
        const stored = JSON.parse(await readFile(contextFile(runnerTemp, scope), 'utf8'));
        const { baseFile, base: inline, ...rest } = stored;
        if (options.base === false || baseFile === undefined)
            return { ...rest, base: inline };
        if (!baseFile.startsWith(`${scope}.base.`) || /[/\\]/.test(baseFile))
            return undefined;
        const base = await readBase(join(folderOf(runnerTemp), baseFile));
        // Only a file of this scope named by the digest of what it holds is taken as the base.
        if (baseFileName(scope, base) !== baseFile)
            return undefined;
        return { ...rest, base };
    }
    catch {
        return undefined;
    }
}
/**
 * The bases this process read and verified, or wrote, by file: the text and its document. A
 * save reads the job's context three times (before its lock, under it, and to record its
 * event); verifying the base again each time would cost its digest over every node per read.
 * A file whose text is still exactly the one verified is that document; any other text (a
 * changed file) is parsed and verified again.
 */
const knownBases = new Map();
/** The base checkpoint in `file`, verified (digest, shape, depth) unless its text is known. */
async function readBase(file) {
    const text = await readFile(file, 'utf8');
    const known = knownBases.get(file);
    if (known?.text === text)
        return known.document;
    const document = parseCheckpoint(text, file);
    rememberBase(file, text, document);
    return document;
}
function rememberBase(file, text, document) {
    knownBases.clear();
    knownBases.set(file, { text, document });
}
/**
 * Writes the job's context for its scope, whole or not at all: the base's file first (unless a
 * file of its digest is there already), then the small context naming it; bases it no longer
 * names are removed after.
 */
async function saveJobContext(runnerTemp, context) {
    const folder = folderOf(runnerTemp);
    const file = contextFile(runnerTemp, context.scope);
    await (0,promises_namespaceObject.mkdir)(folder, { recursive: true });
    const { base, ...rest } = context;
    const baseFile = base ? await writeBase(folder, context.scope, base) : undefined;
    const stored = baseFile ? { ...rest, baseFile } : rest;
    // Parallel steps of the job write here too: each its own temporary file.
    const temp = uniqueTemp(file);
    await (0,promises_namespaceObject.writeFile)(temp, JSON.stringify(stored), 'utf8');
    await (0,promises_namespaceObject.rename)(temp, file);
    await removeOtherBases(folder, context.scope, baseFile);
}
async function writeBase(folder, scope, base) {
    const name = baseFileName(scope, base);
    const file = (0,external_node_path_.join)(folder, name);
    const there = await (0,promises_namespaceObject.stat)(file).then(found => found.isFile(), () => false);
    if (!there) {
        const text = serializeCheckpoint(base);
        const temp = uniqueTemp(file);
        await (0,promises_namespaceObject.writeFile)(temp, text, 'utf8');
        await (0,promises_namespaceObject.rename)(temp, file);
        rememberBase(file, text, base);
    }
    return name;
}
async function removeOtherBases(folder, scope, keep) {
    const prefix = `${scope}.base.`;
    for (const name of await (0,promises_namespaceObject.readdir)(folder)) {
        // Only bases: a temporary file of another step's write is not one.
        if (name.startsWith(prefix) && name.endsWith('.json') && name !== keep) {
            await (0,promises_namespaceObject.rm)((0,external_node_path_.join)(folder, name), { force: true });
        }
    }
}
/**
 * Records what the restore step did, for the later steps of the job: the checkpoint they extend
 * (with re-run nodes taken out) and what was restored.
 */
async function rememberRestore(runnerTemp, scope, restored, invalidation, origin = {}) {
    const base = invalidation?.document ?? restored;
    // Taken from several sources, the checkpoint is named after the newest one it came from.
    const newest = origin.newest ?? restored;
    const context = {
        scope,
        base,
        ...(origin.reuse ? { reuse: origin.reuse } : {}),
        restored: restored &&
            newest && {
            checkpoint: naming_checkpointName(newest),
            attempt: newest.attempt,
            runId: newest.run.runId,
            nodes: base?.nodes ?? [],
            rerun: invalidation?.rerun ?? [],
            partials: restored.partials ?? []
        },
        events: [],
        lastStepEndedAt: new Date().toISOString()
    };
    await saveJobContext(runnerTemp, context);
    return context;
}
/**
 * The job's context for a scope, or a new one when no checkpoint step ran before. Read under the
 * scope's lock: a step running in parallel replaces the files it is read from.
 */
async function jobContextOrNew(runnerTemp, scope) {
    const known = await withScopeLock(runnerTemp, scope, () => loadJobContext(runnerTemp, scope));
    return known ?? newJobContext(scope);
}
/** The context of a job in which no checkpoint step of `scope` ran yet. */
function newJobContext(scope) {
    return { scope, events: [], lastStepEndedAt: '' };
}
/**
 * Changes the job's context under its scope's lock, on the newest version on disk (a step
 * running in parallel may have changed it since this one read it); `job` then holds the result.
 */
async function updateJobContext(runnerTemp, job, change) {
    await withScopeLock(runnerTemp, job.scope, async () => {
        const current = (await loadJobContext(runnerTemp, job.scope)) ?? job;
        change(current);
        await saveJobContext(runnerTemp, current);
        Object.assign(job, current);
    });
}
/** Appends a step's event and marks the end of the step, for the next one's duration. */
async function recordEvent(runnerTemp, job, event) {
    await updateJobContext(runnerTemp, job, current => {
        current.events.push(event);
        current.lastStepEndedAt = new Date().toISOString();
    });
}
/** The event of a node this step ran and checkpointed: its checkpoint and recorded duration. */
function ranEvent(document, node, reason) {
    const durationMs = document.nodes.find(record => record.id === node)?.durationMs;
    return {
        node,
        status: 'ran',
        reason,
        checkpoint: checkpointName(document),
        ...(durationMs === undefined ? {} : { durationMs })
    };
}

;// CONCATENATED MODULE: ./src/restore/restore-outputs.ts






/** Outputs of the restore entry, as action.yml spells them; `done-<node>` besides. */
var RestoreOutput;
(function (RestoreOutput) {
    RestoreOutput["Resumed"] = "resumed";
    RestoreOutput["Completed"] = "completed";
    RestoreOutput["Partial"] = "partial";
    RestoreOutput["State"] = "state";
    RestoreOutput["StateFile"] = "state-file";
    RestoreOutput["Checkpoint"] = "checkpoint";
    RestoreOutput["FromAttempt"] = "from-attempt";
    RestoreOutput["FromRunId"] = "from-run-id";
    RestoreOutput["Sources"] = "sources";
    RestoreOutput["Reasons"] = "reasons";
})(RestoreOutput || (RestoreOutput = {}));
/** GitHub caps all of a job's outputs at 1 MB together; a state near that goes to a file. */
const STATE_OUTPUT_LIMIT = 1_000_000;
/**
 * Sets the outputs that `if:` guards read after a restore. A state too large for an output is
 * left out with a warning; `state-file` always names a file holding it.
 */
async function setRestoreOutputs(document, runnerTemp, scope, origin = {}) {
    const nodes = completedNodes(document);
    // Taken from several sources, the outputs describe the newest checkpoint it came from.
    const newest = document && (origin.newest ?? document);
    setOutput(RestoreOutput.Resumed, String(document !== undefined));
    setOutput(RestoreOutput.Completed, JSON.stringify(nodes));
    setOutput(RestoreOutput.Partial, JSON.stringify(partialNodes(document)));
    for (const node of nodes)
        setOutput(`done-${node}`, 'true');
    setOutput(RestoreOutput.Checkpoint, newest ? naming_checkpointName(newest) : '');
    setOutput(RestoreOutput.FromAttempt, newest ? String(newest.attempt) : '');
    setOutput(RestoreOutput.FromRunId, newest ? newest.run.runId : '');
    setOutput(RestoreOutput.Sources, JSON.stringify(origin.reuse?.sources ?? {}));
    setOutput(RestoreOutput.Reasons, JSON.stringify(origin.reuse?.reasons ?? {}));
    const state = stateJson(document?.state ?? {});
    const bytes = Buffer.byteLength(state);
    const stateFile = (0,external_node_path_.join)(runnerTemp, 'checkpoint-action', `${scope}.state.json`);
    await (0,promises_namespaceObject.mkdir)((0,external_node_path_.join)(runnerTemp, 'checkpoint-action'), { recursive: true });
    await (0,promises_namespaceObject.writeFile)(stateFile, state, 'utf8');
    setOutput(RestoreOutput.StateFile, stateFile);
    if (bytes > STATE_OUTPUT_LIMIT) {
        warning(`The restored state is ${bytes} bytes, over the ${STATE_OUTPUT_LIMIT} ` +
            `bytes a job's outputs may hold: output 'state' is left out; read the file named by 'state-file'`);
        return;
    }
    setOutput(RestoreOutput.State, state);
}

;// CONCATENATED MODULE: ./src/transport/run-context.ts


/** Reads the run context from the runner's environment, with local fallbacks. */
function readRunContext(env = process.env) {
    const [owner, name] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
    return {
        workspace: (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE ?? process.cwd()),
        runnerTemp: (0,external_node_path_.resolve)(env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)()),
        run: definedOnly({
            runId: env.GITHUB_RUN_ID ?? 'local',
            attempt: Number.isSafeInteger(attempt) && attempt > 0 ? attempt : 1,
            repository: env.GITHUB_REPOSITORY,
            workflow: env.GITHUB_WORKFLOW,
            job: env.GITHUB_JOB,
            sha: env.GITHUB_SHA,
            ref: env.GITHUB_REF
        }),
        repository: owner && name ? { owner, name } : undefined
    };
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}

;// CONCATENATED MODULE: ./src/action/step-state.ts
/**
 * What the restore entry hands its post step (`core.saveState` / `core.getState`): the scope
 * whose summary it writes.
 */
var RestoreState;
(function (RestoreState) {
    RestoreState["Scope"] = "scope";
})(RestoreState || (RestoreState = {}));
/** What the run entry hands its post step, which saves a cancelled command's progress. */
var RunState;
(function (RunState) {
    RunState["Node"] = "node";
    RunState["Scope"] = "scope";
    RunState["StateFile"] = "state-file";
    /** `running` until the command ends; a post step that still sees it saves partial progress. */
    RunState["Status"] = "status";
})(RunState || (RunState = {}));

;// CONCATENATED MODULE: ./src/transport/rest-client.ts





/** The default of `GITHUB_API_URL`. */
const DEFAULT_API_URL = 'https://api.github.com';
const PAGE_SIZE = 100;
const MAX_PAGES = 100;
/**
 * The few REST calls `pull` makes, retried as the action's calls are (transport/retry.ts). The
 * token goes to the API host only: the artifact download answers 302 to a blob URL, followed
 * without the Authorization header, and a pagination link that leaves the API host is refused.
 */
class GitHubClient {
    apiUrl;
    token;
    log;
    origin;
    /** `log` hears of each retry (the CLI's stderr). */
    constructor(apiUrl, token, log) {
        this.apiUrl = apiUrl;
        this.token = token;
        this.log = log;
        this.apiUrl = apiUrl.replace(/\/+$/, '');
        this.origin = new URL(this.apiUrl).origin;
    }
    /** Every artifact of a run, all attempts, following the `Link: rel="next"` pages. */
    async listRunArtifacts(repository, runId) {
        let url = `${repoUrl(this.apiUrl, repository)}/actions/runs/${runId}/artifacts?per_page=${PAGE_SIZE}`;
        const artifacts = [];
        const what = `run ${runId} of ${repository.owner}/${repository.name}`;
        for (let pages = 0; url !== undefined && pages < MAX_PAGES; pages++) {
            const page = await this.getJson(url, what);
            const body = page.json;
            artifacts.push(...(body.artifacts ?? []).map(toArtifact));
            url = page.next;
        }
        return artifacts;
    }
    /**
     * Downloads an artifact's bytes (a zip, or the plain file of an artifact uploaded without
     * one) into `target`.
     * @returns the bytes written and their `sha256:<hex>`
     */
    async download(repository, artifact, target, progress) {
        const api = { apiUrl: this.apiUrl, token: this.token };
        const transfer = { what: `Download of ${artifact.name}`, log: this.log, progress };
        const { size, digest } = await asApiError(downloadArtifact(api, repository, artifact.id, target, transfer), `artifact ${artifact.name}`, artifactZipUrl(this.apiUrl, repository, artifact.id));
        return { bytes: size, digest };
    }
    /**
     * One GET of the API: its JSON and the URL of its next page (`Link: rel="next"`). `path` is
     * taken from the API root, or is a full URL on the API host, as Link headers give them. The
     * token never leaves the API host: a link elsewhere is refused, and a redirect elsewhere (one
     * is followed) gets no token.
     */
    async getJson(path, what) {
        const url = /^https?:/.test(path) ? path : `${this.apiUrl}${path}`;
        if (new URL(url).origin !== this.origin) {
            throw new GitHubApiError(0, `Refused to send the token to ${new URL(url).origin}, not the API`);
        }
        const retry = { what: `GitHub API: ${what}`, policy: SERVICE_CALLS, log: this.log };
        const page = await asApiError(withRetries(retry, async ({ remainingMs }) => {
            const timeoutMs = Math.min(CALL_TIMEOUT_MS, remainingMs);
            const headers = apiHeaders(this.token);
            const response = await request(url, { headers, timeoutMs, redirected: () => undefined });
            const link = [response.headers.link ?? []].flat().join(', ');
            return { text: (await readBody(response)).toString('utf8'), link };
        }), what, url);
        return { json: JSON.parse(page.text), next: nextLink(page.link) };
    }
}
/** What the REST API is sent: the token, and the media type and version it answers in. */
function apiHeaders(token) {
    return {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'x-github-api-version': '2022-11-28'
    };
}
/**
 * Downloads an artifact through the REST API into `target` (DOWNLOADS schedule): GET
 * .../actions/artifacts/{id}/zip answers 302 to a signed blob URL, which is followed once
 * without the token; `transfer.redirected` hears that URL first, to mask it.
 * @returns the size and `sha256:<hex>` of the bytes written
 */
async function downloadArtifact(api, repository, artifactId, target, transfer) {
    const url = artifactZipUrl(api.apiUrl, repository, artifactId);
    return downloadToFile(url, target, {
        ...transfer,
        headers: apiHeaders(api.token),
        redirected: transfer.redirected ?? (() => undefined)
    });
}
/** The REST URL an artifact downloads from; it answers 302 to a signed blob URL. */
function artifactZipUrl(apiUrl, repository, artifactId) {
    return `${repoUrl(apiUrl, repository)}/actions/artifacts/${String(artifactId)}/zip`;
}
/**
 * A failed call as the exit codes see it: an answer GitHub gave (not found, bad credentials)
 * becomes a GitHubApiError; a retried failure keeps its message, which names the attempts. One
 * that got no answer at all (a timeout, a refused or broken connection) also names the URL it
 * went to (the API's, never the signed blob URL), so a wrong GITHUB_API_URL or an unreachable
 * host shows.
 */
async function asApiError(call, what, url) {
    try {
        return await call;
    }
    catch (error) {
        if (!(error instanceof ServiceError))
            throw error;
        if (error.status === undefined) {
            throw new ServiceError(`${error.message} (${url})`, undefined, { cause: error });
        }
        if ([401, 403, 404].includes(error.status))
            throw apiError(error.status, what);
        throw new GitHubApiError(error.status, `GitHub API: ${error.message}`);
    }
}
function apiError(status, what) {
    const meaning = status === 404
        ? 'not found (or the token cannot see it)'
        : status === 401
            ? 'bad credentials: check GITHUB_TOKEN'
            : status === 403
                ? 'forbidden: the token needs actions: read on the repository (or a rate limit was hit)'
                : `HTTP ${status}`;
    return new GitHubApiError(status, `GitHub API: ${what}: ${meaning}`);
}
function toArtifact(item) {
    const value = (item ?? {});
    return {
        id: Number(value.id),
        name: typeof value.name === 'string' ? value.name : '',
        size: Number(value.size_in_bytes ?? 0),
        digest: typeof value.digest === 'string' && value.digest !== '' ? value.digest : undefined,
        expired: value.expired === true
    };
}
/** A repository's REST URL. */
function repoUrl(apiUrl, repository) {
    const owner = encodeURIComponent(repository.owner);
    return `${apiUrl.replace(/\/+$/, '')}/repos/${owner}/${encodeURIComponent(repository.name)}`;
}
/** The `rel="next"` URL of a Link header. */
function nextLink(header) {
    for (const part of (header ?? '').split(',')) {
        const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
        if (match)
            return match[1];
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __nccwpck_require__(8474);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/packing/zip-writer.ts











const deflateRaw = (0,external_node_util_.promisify)(external_node_zlib_.deflateRaw);
const READ_CHUNK = (/* unused pure expression or super */ null && (1024 * 1024));
const zip_writer_MAX32 = 0xffffffff;
/** Entries this large get zip64 sizes from their local header on (margin for deflate growth). */
const ZIP64_ENTRY = 0xff000000;
/** A whole entry's data smaller than this goes out with its header and descriptor, as one Buffer. */
const SMALL_PIECE = (/* unused pure expression or super */ null && (64 * 1024));
/** Streamed entries packed at once: the one being written and the next, read ahead. */
const STREAMED_IN_FLIGHT = 2;
/**
 * The most bytes of a streamed entry packed ahead of the writer: deflated bytes (each stands for
 * several read), or a few read chunks of a stored entry, which has no deflate to run in parallel.
 */
const AHEAD_BYTES = { deflated: 16 * 1024 * 1024, stored: 4 * 1024 * 1024 };
/**
 * Pieces of one streamed entry deflating at once on zlib's thread pool (4 threads by default):
 * enough to keep every core busy while this thread reads, hashes and uploads.
 */
const DEFLATES_IN_FLIGHT = 4;
/**
 * zlib's output buffer for a piece: each one filled costs a trip to the thread pool and back
 * (the default, 16 KiB, would cost a dozen per piece of text).
 */
const DEFLATE_OUTPUT_CHUNK = (/* unused pure expression or super */ null && (256 * 1024));
/** How far back deflate looks: each piece gets this much of the bytes before it. */
const DEFLATE_WINDOW = (/* unused pure expression or super */ null && (32 * 1024));
/** A final deflate block holding nothing (fixed codes, end of block): closes a stream of pieces. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
/** Files up to this size deflate on the main thread: a thread pool trip costs more. */
const DEFLATE_HERE = (/* unused pure expression or super */ null && (16 * 1024));
const UTF8_AND_DESCRIPTOR = 0x0808;
const MADE_BY_UNIX = (/* unused pure expression or super */ null && (3 << 8));
/**
 * Packs files into a zip as a stream, reading each file once: the same pass takes the file's
 * sha256 and size (what the manifest records), the CRC-32 and, at a level above 0, deflates.
 * Entries carry data descriptors, so nothing is buffered beyond a read chunk; sizes past 4 GiB
 * and more than 65,535 entries get zip64 records. Any unzip tool reads the result.
 */
class zip_writer_ZipPacker {
    sources;
    options;
    entries = [];
    offset = 0;
    /** The files' bytes of the entries written out whole. */
    bytesOfWritten = 0;
    /** The entry being written out. */
    writing;
    central = [];
    needles;
    constructor(sources, options) {
        this.sources = sources;
        this.options = options;
        this.needles = (options.secrets ?? [])
            .filter(secret => secret.length >= 8)
            .map(secret => Buffer.from(secret));
    }
    refuseSecret(source) {
        throw new ConfigurationError(`File ${source.path} contains the job's token or a checkpoint key: it is not saved, since checkpoints can be downloaded by anyone who can read the run.`);
    }
    /**
     * The files' bytes that reached the zip's stream so far, for a progress report: files read
     * ahead of their turn count only once their bytes are passed on.
     */
    get bytesPacked() {
        return this.bytesOfWritten + (this.writing?.written() ?? 0);
    }
    /**
     * The zip's bytes. Iterate once; `entries` is complete when it ends. Entries are written in
     * the sources' order, but packed ahead of their turn (see {@link EntryJobs}).
     */
    async *bytes() {
        const jobs = new EntryJobs(this.sources, (source, read) => read ? this.wholeEntry(source, read) : Promise.resolve(this.streamedEntry(source)));
        try {
            for (const [index, source] of this.sources.entries()) {
                const job = await jobs.take(index);
                this.writing = job;
                try {
                    yield* this.write(source, job);
                }
                finally {
                    this.writing = undefined;
                    // Given up part-way (the upload failed): its file is closed, not left paused.
                    job.stop();
                }
            }
            yield* this.emit(this.centralDirectory());
        }
        finally {
            jobs.stop();
        }
    }
    /** Writes a packed entry where the zip has got to: local header, data, descriptor. */
    async *write(source, job) {
        const head = { ...job.head, offset: this.offset };
        if (Buffer.isBuffer(job.body) && job.body.length < SMALL_PIECE) {
            const packed = job.packed(job.body.length);
            const whole = [localHeader(head), job.body, this.finish(source, head, packed)];
            yield* this.emit(Buffer.concat(whole));
            return;
        }
        yield* this.emit(localHeader(head));
        let compressed = 0;
        for await (const bytes of Buffer.isBuffer(job.body) ? [job.body] : job.body) {
            compressed += bytes.length;
            yield* this.emit(bytes);
        }
        yield* this.emit(this.finish(source, head, job.packed(compressed)));
    }
    /** A small file, read whole, packed in one piece without streams (deflated on zlib's pool). */
    async wholeEntry(source, read) {
        const data = await read;
        const head = this.head(source, false);
        if (this.needles.some(needle => data.includes(needle)))
            this.refuseSecret(source);
        const key = this.options.sealKey;
        const stored = key ? encryptBytes(data, key) : data;
        const body = head.method === 8 ? await deflateWhole(stored, this.options.level) : stored;
        const sha256 = sha256Digest(data);
        const packed = {
            crc: crc32(stored),
            compressed: body.length,
            size: data.length,
            sha256,
            stored: key
                ? { size: stored.length, sha256: sha256Digest(stored) }
                : { size: data.length, sha256 }
        };
        return { head, body, packed: () => packed, written: () => 0, stop: () => undefined };
    }
    /** How an entry starts; zip64 from the start when it may pass 4 GiB. */
    head(source, large) {
        return {
            name: Buffer.from(source.name, 'utf8'),
            method: this.options.level > 0 ? 8 : 0,
            ...dosTime(source.mtime),
            zip64: this.options.forceZip64 === true || large
        };
    }
    /** Records a packed entry (central directory, `entries`) and returns its data descriptor. */
    finish(source, head, packed) {
        if (!head.zip64 && (packed.compressed >= zip_writer_MAX32 || packed.stored.size >= zip_writer_MAX32)) {
            throw new Error(`${source.name} grew past 4 GiB while it was being saved`);
        }
        // Its bytes count as written from here on, whole, rather than through the job.
        this.bytesOfWritten += packed.size;
        this.writing = undefined;
        this.central.push({
            ...head,
            crc: packed.crc,
            compressed: packed.compressed,
            size: packed.stored.size,
            mode: source.mode
        });
        this.entries.push({
            name: source.name,
            size: packed.size,
            sha256: packed.sha256,
            stored: packed.stored
        });
        return descriptor(packed.crc, packed.compressed, packed.stored.size, head.zip64);
    }
    *emit(bytes) {
        this.offset += bytes.length;
        yield bytes;
    }
    /**
     * A file too large to read whole, streamed through in read chunks: read, hashed and deflated
     * up to {@link AHEAD_BYTES} ahead of the writer.
     */
    streamedEntry(source) {
        const sealKey = this.options.sealKey;
        const overhead = sealKey ? ENCRYPTION_OVERHEAD : 0;
        const head = this.head(source, source.size + overhead >= ZIP64_ENTRY);
        const tally = new EntryTally(sealKey !== undefined);
        const scan = new SecretScan(this.needles);
        const plain = plainBytes(source.absolute, bytes => {
            tally.plain(bytes);
            if (scan.finds(bytes))
                this.refuseSecret(source);
        });
        const stored = tally.stored(sealKey ? encryptChunks(plain, sealKey) : plain);
        const body = head.method === 8 ? deflated(stored, this.options.level) : stored;
        const limit = AHEAD_BYTES[head.method === 8 ? 'deflated' : 'stored'];
        const ahead = new Prefetch(body, limit, () => tally.size);
        return {
            head,
            body: ahead.chunks(),
            packed: compressed => tally.packed(compressed),
            written: () => ahead.taken,
            stop: () => {
                ahead.stop();
            }
        };
    }
    centralDirectory() {
        const start = this.offset;
        const records = this.central.map(centralHeader);
        const length = records.reduce((total, record) => total + record.length, 0);
        const end = [...records];
        const count = this.central.length;
        if (this.options.forceZip64 || count >= 0xffff || start >= zip_writer_MAX32 || length >= zip_writer_MAX32) {
            const at = start + length;
            end.push(zip64End(count, length, start), zip64Locator(at));
        }
        end.push(endOfCentral(count, length, start));
        return Buffer.concat(end);
    }
}
/**
 * Tallies a streamed entry while it passes: the file's size and sha256 as read, and the stored
 * bytes' size, CRC-32 and (when sealed, so that they differ from the file's) sha256.
 */
class EntryTally {
    sealed;
    /** The file's bytes read so far. */
    size = 0;
    storedSize = 0;
    crc = 0;
    plainHash = createHash('sha256');
    storedHash = createHash('sha256');
    constructor(sealed) {
        this.sealed = sealed;
    }
    /** Counts the file's bytes as read. */
    plain(bytes) {
        this.size += bytes.length;
        this.plainHash.update(bytes);
    }
    /** The entry's stored bytes, counted as they pass. */
    async *stored(bytes) {
        for await (const chunk of bytes) {
            this.storedSize += chunk.length;
            this.crc = crc32(chunk, this.crc);
            if (this.sealed)
                this.storedHash.update(chunk);
            yield chunk;
        }
    }
    /** What the entry came to, once its last byte passed. */
    packed(compressed) {
        const sha256 = `sha256:${this.plainHash.digest('hex')}`;
        const stored = this.sealed
            ? { size: this.storedSize, sha256: `sha256:${this.storedHash.digest('hex')}` }
            : { size: this.size, sha256 };
        return { crc: this.crc, compressed, size: this.size, sha256, stored };
    }
}
/** Looks for exact values across the chunks of a stream, matches spanning two chunks included. */
class SecretScan {
    needles;
    tail = Buffer.alloc(0);
    keep;
    constructor(needles) {
        this.needles = needles;
        this.keep = Math.max(0, ...needles.map(needle => needle.length - 1));
    }
    /** Whether `bytes`, or the seam between them and the chunk before, holds a needle. */
    finds(bytes) {
        if (this.needles.length === 0)
            return false;
        // Only the bytes either side of the seam are copied, never the chunk itself.
        const seam = Buffer.concat([this.tail, bytes.subarray(0, this.keep)]);
        if (this.needles.some(needle => bytes.includes(needle) || seam.includes(needle)))
            return true;
        const window = bytes.length >= this.keep ? bytes : Buffer.concat([this.tail, bytes]);
        this.tail = Buffer.from(window.subarray(Math.max(0, window.length - this.keep)));
        return false;
    }
}
/**
 * Starts packing entries ahead of the one being written, so that reading, hashing and zlib's
 * deflates (on its thread pool) of several files run at once: small files, read whole, up to
 * FILE_CONCURRENCY ahead; streamed ones {@link STREAMED_IN_FLIGHT} at a time, each holding at
 * most {@link AHEAD_BYTES}. The writer still takes them in the sources' order.
 */
class EntryJobs {
    sources;
    start;
    jobs = new Map();
    started = new Set();
    constructor(sources, start) {
        this.sources = sources;
        this.start = start;
    }
    /** Entry `index`, once packed far enough to start writing it. */
    take(index) {
        const end = Math.min(this.sources.length, index + FILE_CONCURRENCY);
        for (let ahead = index; ahead < end; ahead++) {
            const source = this.sources[ahead];
            const whole = source !== undefined && source.size <= SMALL_FILE;
            if (!source || this.started.has(ahead))
                continue;
            if (!whole && ahead >= index + STREAMED_IN_FLIGHT)
                continue;
            this.started.add(ahead);
            const job = this.start(source, whole ? readWhole(source) : undefined);
            job.catch(() => undefined);
            this.jobs.set(ahead, job);
        }
        const job = this.jobs.get(index);
        this.jobs.delete(index);
        return job ?? Promise.reject(new Error(`entry ${index} was taken twice`));
    }
    /** Gives up the entries started and not taken. */
    stop() {
        for (const job of this.jobs.values()) {
            job.then(started => {
                started.stop();
            }, () => undefined);
        }
        this.jobs.clear();
    }
}
/** A small file's bytes, read in one go. */
function readWhole(source) {
    return source.size <= SYNC_FILE ? readSmallFile(source.absolute) : readFile(source.absolute);
}
/** A file's bytes, read once. */
async function* plainBytes(file, onPlain) {
    for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK })) {
        const bytes = chunk;
        onPlain(bytes);
        yield bytes;
    }
}
/**
 * Raw deflate of a small file's bytes: on zlib's thread pool, or at once on this thread when it
 * is so small that handing it over would cost more than deflating it.
 */
async function deflateWhole(bytes, level) {
    if (bytes.length <= DEFLATE_HERE)
        return zlib.deflateRawSync(bytes, { level });
    return deflateRaw(bytes, { level });
}
/**
 * Raw deflate of a byte stream as one deflate stream made of independent pieces, pigz's way:
 * each input chunk is deflated on its own on zlib's thread pool, up to
 * {@link DEFLATES_IN_FLIGHT} at once (so one large file uses every core), with the 32 KiB before
 * it as its dictionary (so it compresses as well as one stream would) and a sync flush at its end
 * (so the next piece starts on a byte boundary). An empty final block closes the stream: any
 * inflater reads the result as the single stream it is.
 */
async function* deflated(source, level) {
    const pieces = [];
    let window = Buffer.alloc(0);
    for await (const bytes of source) {
        const piece = deflatePiece(bytes, level, window);
        // Awaited in order below; a failure meanwhile must not count as unhandled.
        piece.catch(() => undefined);
        pieces.push(piece);
        window = windowAfter(window, bytes);
        if (pieces.length >= DEFLATES_IN_FLIGHT)
            yield await pieces.shift();
    }
    for (const piece of pieces)
        yield await piece;
    yield FINAL_EMPTY_BLOCK;
}
/** One piece of a deflate stream: `bytes` deflated after `window`, ending on a sync flush. */
function deflatePiece(bytes, level, window) {
    const options = {
        level,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
        chunkSize: DEFLATE_OUTPUT_CHUNK
    };
    if (window.length > 0)
        options.dictionary = window;
    return deflateRaw(bytes, options);
}
/** The last {@link DEFLATE_WINDOW} bytes of the stream once `bytes` followed `window`. */
function windowAfter(window, bytes) {
    if (bytes.length >= DEFLATE_WINDOW)
        return bytes.subarray(bytes.length - DEFLATE_WINDOW);
    const joined = Buffer.concat([window, bytes]);
    return joined.subarray(Math.max(0, joined.length - DEFLATE_WINDOW));
}
function localHeader({ name, method, time, date, zip64 }) {
    const extra = zip64 ? zip64Extra([0, 0]) : Buffer.alloc(0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(UTF8_AND_DESCRIPTOR, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // CRC-32 and sizes follow the data, in its descriptor (zip64: 0xffffffff and the extra field).
    header.writeUInt32LE(0, 14);
    header.writeUInt32LE(zip64 ? zip_writer_MAX32 : 0, 18);
    header.writeUInt32LE(zip64 ? zip_writer_MAX32 : 0, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(extra.length, 28);
    return Buffer.concat([header, name, extra]);
}
function descriptor(crc, compressed, size, zip64) {
    const bytes = Buffer.alloc(zip64 ? 24 : 16);
    bytes.writeUInt32LE(0x08074b50, 0);
    bytes.writeUInt32LE(crc, 4);
    if (zip64) {
        bytes.writeBigUInt64LE(BigInt(compressed), 8);
        bytes.writeBigUInt64LE(BigInt(size), 16);
    }
    else {
        bytes.writeUInt32LE(compressed, 8);
        bytes.writeUInt32LE(size, 12);
    }
    return bytes;
}
function centralHeader(record) {
    // zip64 fields, in their fixed order, for whichever value does not fit in 32 bits.
    const wide = [record.size, record.compressed, record.offset].filter(value => value >= zip_writer_MAX32);
    const large = record.zip64 || wide.length > 0;
    const extra = wide.length > 0 ? zip64Extra(wide) : Buffer.alloc(0);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(MADE_BY_UNIX | (large ? 45 : 20), 4);
    header.writeUInt16LE(large ? 45 : 20, 6);
    header.writeUInt16LE(UTF8_AND_DESCRIPTOR, 8);
    header.writeUInt16LE(record.method, 10);
    header.writeUInt16LE(record.time, 12);
    header.writeUInt16LE(record.date, 14);
    header.writeUInt32LE(record.crc, 16);
    header.writeUInt32LE(Math.min(record.compressed, zip_writer_MAX32), 20);
    header.writeUInt32LE(Math.min(record.size, zip_writer_MAX32), 24);
    header.writeUInt16LE(record.name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    // comment length, disk number, internal attributes: 0
    header.writeUInt32LE((((0o100000 | (record.mode & 0o777)) << 16) >>> 0) >>> 0, 38);
    header.writeUInt32LE(Math.min(record.offset, zip_writer_MAX32), 42);
    return Buffer.concat([header, record.name, extra]);
}
function zip64Extra(values) {
    const extra = Buffer.alloc(4 + 8 * values.length);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8 * values.length, 2);
    values.forEach((value, index) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * index));
    return extra;
}
function zip64End(count, length, start) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(MADE_BY_UNIX | 45, 12);
    record.writeUInt16LE(45, 14);
    // this disk, the central directory's disk: 0
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(length), 40);
    record.writeBigUInt64LE(BigInt(start), 48);
    return record;
}
function zip64Locator(at) {
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(at), 8);
    locator.writeUInt32LE(1, 16);
    return locator;
}
function endOfCentral(count, length, start) {
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(length, zip_writer_MAX32), 12);
    end.writeUInt32LE(Math.min(start, zip_writer_MAX32), 16);
    return end;
}
/** MS-DOS date and time fields (local time, 2-second steps, 1980 at the earliest). */
function dosTime(at) {
    const year = Math.max(1980, at.getFullYear());
    return {
        time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
        date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate()
    };
}
/** CRC-32 (zlib's, where this Node has it). */
function crc32(bytes, previous = 0) {
    return typeof zlib.crc32 === 'function' ? zlib.crc32(bytes, previous) : slowCrc32(bytes, previous);
}
let table;
function slowCrc32(bytes, previous) {
    table ??= Uint32Array.from({ length: 256 }, (_, index) => {
        let value = index;
        for (let bit = 0; bit < 8; bit++)
            value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
        return value >>> 0;
    });
    let crc = (previous ^ zip_writer_MAX32) >>> 0;
    for (const byte of bytes)
        crc = ((table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)) >>> 0;
    return (crc ^ zip_writer_MAX32) >>> 0;
}

;// CONCATENATED MODULE: ./src/packing/pack-file.ts











/**
 * A pack on disk with its entries listed, each found by name at once however many it holds; a
 * small one is read whole, once.
 * @throws ArchiveIntegrityError when it is not a pack
 */
async function openPack(file) {
    const size = (await (0,promises_namespaceObject.stat)(file)).size;
    if (size > ZIP_IN_MEMORY)
        return withNames(file, await packEntries(file));
    const bytes = await (0,promises_namespaceObject.readFile)(file);
    const entries = await listEntries((0,external_node_path_.basename)(file), size, (position, length) => Promise.resolve(bytesAt(bytes, position, length)));
    return { ...withNames(file, entries), bytes };
}
function withNames(file, entries) {
    return { file, entries, named: new Map(entries.map(entry => [entry.name, entry])) };
}
function bytesAt(bytes, position, length) {
    if (position + length > bytes.length)
        throw new UnstreamableZipError('the zip ends early');
    return bytes.subarray(position, position + length);
}
/** The bytes of a pack of `members`, entries in the given order, all stored. */
async function* packBytes(members) {
    const sources = await Promise.all(members.map(async (member) => ({
        name: member.name,
        path: member.name,
        absolute: member.file,
        mode: 0o644,
        mtime: new Date(0),
        size: (await stat(member.file)).size
    })));
    yield* new ZipPacker(sources, { level: 0 }).bytes();
}
/**
 * The entries of a pack, from its central directory, each with the byte range of its data.
 * @throws ArchiveIntegrityError when it is not a pack: not a zip, or an entry is compressed
 */
async function packEntries(packFile) {
    const handle = await (0,promises_namespaceObject.open)(packFile, 'r');
    try {
        const size = (await handle.stat()).size;
        return await listEntries((0,external_node_path_.basename)(packFile), size, (position, length) => readAt(handle, position, length));
    }
    finally {
        await handle.close();
    }
}
/** The entries of a pack of `size` bytes, whose bytes `read` gives by range. */
async function listEntries(label, size, read) {
    try {
        const tailStart = Math.max(0, size - TAIL_BYTES);
        const tail = await read(tailStart, size - tailStart);
        const location = locateDirectory(tail, tailStart, size);
        const directory = await read(location.start, location.length);
        const entries = [];
        for (const entry of readDirectory(directory, location)) {
            if (entry.method !== 0)
                throw new UnstreamableZipError(`${entry.name} is compressed`);
            const local = await read(entry.offset, 30);
            const start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
            entries.push({ name: entry.name, start, size: entry.size });
        }
        return entries;
    }
    catch (error) {
        if (!(error instanceof UnstreamableZipError))
            throw error;
        throw new ArchiveIntegrityError(label, `not a pack (${error.message})`);
    }
}
async function readAt(handle, position, length) {
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await handle.read(bytes, 0, length, position);
    if (bytesRead !== length)
        throw new UnstreamableZipError('the zip ends early');
    return bytes;
}
/**
 * Copies one entry's bytes out of a pack into `target`, by its byte range, and checks them
 * against `digest` (`sha256:<hex>`, as the checkpoint recorded them) before anything uses them.
 * @throws ArchiveIntegrityError naming the entry when its bytes differ; `target` is removed
 */
async function copyPackEntry(packFile, entry, target, digest) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const out = (0,external_node_fs_.createWriteStream)(target);
    if (entry.size === 0) {
        out.end();
        await (0,external_node_events_.once)(out, 'close');
    }
    else {
        const end = entry.start + entry.size - 1;
        const source = (0,external_node_fs_.createReadStream)(packFile, { start: entry.start, end });
        source.on('data', chunk => hash.update(chunk));
        await (0,external_node_stream_promises_namespaceObject.pipeline)(source, out);
    }
    if (`sha256:${hash.digest('hex')}` !== digest) {
        await (0,promises_namespaceObject.rm)(target, { force: true });
        throw new ArchiveIntegrityError(entry.name, 'its bytes in the pack do not match its digest');
    }
}
/**
 * Copies the archive `archive` out of the pack `name` into `target`, checked against the digest
 * its checkpoint recorded.
 * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
 */
async function copyArchiveOut(pack, name, archive, target) {
    await copyPackEntry(pack.file, archiveEntry(pack, name, archive.name), target, archive.digest);
}
/**
 * The exact bytes of the archive `archive` in the pack `name`, read into memory (archives in a
 * pack are small) and checked against the digest its checkpoint recorded.
 * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
 */
async function archiveBytesOut(pack, name, archive) {
    const entry = archiveEntry(pack, name, archive.name);
    const bytes = pack.bytes
        ? bytesAt(pack.bytes, entry.start, entry.size)
        : await readPackEntry(pack.file, entry);
    if (canonical_sha256Digest(bytes) !== archive.digest) {
        throw new ArchiveIntegrityError(archive.name, 'its bytes in the pack do not match its digest');
    }
    return bytes;
}
function archiveEntry(pack, name, archive) {
    const entry = pack.named.get(archive);
    if (!entry)
        throw new ArchiveIntegrityError(archive, `is not in ${name}`);
    return entry;
}
/**
 * One entry's bytes (the text of a retired checkpoint document, which its own digest verifies,
 * or an archive's bytes, which the caller checks).
 */
async function readPackEntry(packFile, entry) {
    const handle = await (0,promises_namespaceObject.open)(packFile, 'r');
    try {
        return await readAt(handle, entry.start, entry.size);
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/resume/foreign-archives.ts







/** The REST client of the job's token, or undefined without one. */
function restClient(token) {
    if (token === '')
        return undefined;
    return new GitHubClient(process.env.GITHUB_API_URL ?? DEFAULT_API_URL, token);
}
/**
 * Archives of nodes taken from other runs or the cache, which later attempts of this run (and
 * steps that take an offered node) fetch from where they are kept: the cache entry when the
 * record names one, else the run that uploaded it, through the REST API. Each is checked
 * against the digest its checkpoint recorded before anything is extracted from it.
 */
function archivesElsewhere(options) {
    const listings = new Map();
    const packs = new Map();
    const run = (client, repository, runId) => ({
        runId,
        client,
        repository,
        artifacts: memo(listings, runId, () => client.listRunArtifacts(repository, Number(runId))),
        pack: (name, downloads) => memo(packs, `${runId}/${name}`, () => downloadPack(run(client, repository, runId), name, downloads))
    });
    return (record) => ({
        download: async (downloads) => {
            if (record.cache !== undefined) {
                if (!options.cache) {
                    throw new ArchiveIntegrityError(record.name, 'is kept in the Actions cache, which this step does not read');
                }
                return options.cache(record, downloads);
            }
            const { client, repository } = options;
            if (!client || !repository) {
                throw new ArchiveIntegrityError(record.name, `is kept in run ${record.runId}: reading it needs github-token`);
            }
            const other = run(client, repository, record.runId);
            if (record.pack !== undefined)
                return fromPackOfRun(other, record, record.pack, downloads);
            return downloadFromRun(other, record, downloads);
        }
    });
}
function memo(cache, key, make) {
    let value = cache.get(key);
    if (!value) {
        value = make();
        cache.set(key, value);
    }
    return value;
}
/** Downloads an artifact of another run through the REST API; its path and sha256. */
async function downloadArtifactOf(run, name, downloads) {
    const artifact = (await run.artifacts).find(item => item.name === name && !item.expired);
    if (!artifact)
        throw new ArchiveIntegrityError(name, `is not among run ${run.runId}'s artifacts`);
    const file = (0,external_node_path_.join)(await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_.join)(downloads, 'run-')), 'artifact');
    let bytes = 0;
    const report = { label: `Downloading ${name}`, total: artifact.size, log: logProgress };
    const { digest } = await withProgress(report, () => bytes, () => run.client.download(run.repository, artifact, file, count => {
        bytes = count;
    }));
    return { file, digest, recorded: artifact.digest };
}
/** Downloads an archive of another run through the REST API, checked against its digest. */
async function downloadFromRun(run, record, downloads) {
    const { file, digest } = await downloadArtifactOf(run, record.name, downloads);
    if (digest !== record.digest) {
        throw new ArchiveIntegrityError(record.name, 'its bytes do not match the digest recorded at upload');
    }
    return file;
}
/** A pack of another run, whole, checked against the digest recorded at its upload. */
async function downloadPack(run, name, downloads) {
    const { file, digest, recorded } = await downloadArtifactOf(run, name, downloads);
    if (recorded !== undefined && digest !== recorded) {
        throw new ArchiveIntegrityError(name, 'its bytes do not match the digest recorded at upload');
    }
    return openPack(file);
}
/** An archive of another run read out of its pack by byte range, checked against its digest. */
async function fromPackOfRun(run, record, pack, downloads) {
    const target = (0,external_node_path_.join)(await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_.join)(downloads, 'packed-')), 'archive');
    await copyArchiveOut(await run.pack(pack, downloads), pack, record, target);
    return target;
}

;// CONCATENATED MODULE: ./src/checkpoint/fingerprint.ts

/** The major version of the action, part of every fingerprint: a new major re-runs nodes. */
const ACTION_MAJOR = 'v1';
/** The parts in the order a mismatch is reported. */
const FINGERPRINT_PARTS = (/* unused pure expression or super */ null && (['key', 'command', 'shell', 'salt', 'version']));
/** Computes a fingerprint from what the step knows; empty parts are left out. */
function computeFingerprint(input) {
    const fingerprint = { version: ACTION_MAJOR };
    for (const part of ['key', 'command', 'shell', 'salt']) {
        const value = input[part];
        if (value !== undefined && value !== '')
            fingerprint[part] = digest(value);
    }
    return fingerprint;
}
/**
 * The first part that differs between a recorded fingerprint and the current one, or
 * undefined when the node is still valid. `command` and `shell` are compared only when the
 * current step knows them (a save step does not run a command).
 */
function changedPart(recorded, current) {
    for (const part of FINGERPRINT_PARTS) {
        if ((part === 'command' || part === 'shell') && current[part] === undefined)
            continue;
        if (recorded?.[part] !== current[part])
            return part;
    }
    return undefined;
}
function digest(value) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(value).digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/checkpoint/reuse.ts


/** True for a node that a `run` step checkpointed: its fingerprint holds the command. */
function isRunNode(record) {
    return record.fingerprint?.command !== undefined;
}
/**
 * Decides a node found done in another run (or in the cache, where `sameCommit` is false). A
 * node whose key restore is given is compared by key and major version; a `run` node is then
 * left to its run step, which knows the rest of its fingerprint. Without a key, only a run of
 * the same commit vouches for a node.
 */
function judgeNode(record, request) {
    if (record.added === undefined)
        return { take: 'no', reason: 'unrecorded' };
    const given = request.keys.get(record.id);
    if (given !== undefined && given !== '') {
        const changed = changedKey(record.fingerprint, computeFingerprint({ key: given }));
        if (changed)
            return { take: 'no', reason: `stale:${changed}` };
        return isRunNode(record) ? offered() : { take: 'now', reason: 'done' };
    }
    if (!request.sameCommit) {
        if (isRunNode(record) && record.fingerprint?.key !== undefined)
            return offered();
        return { take: 'no', reason: 'no-key' };
    }
    if (record.fingerprint?.version !== undefined && record.fingerprint.version !== ACTION_MAJOR) {
        return { take: 'no', reason: 'stale:version' };
    }
    return isRunNode(record) ? offered() : { take: 'now', reason: 'done' };
}
/**
 * Decides the progress of a node stopped part-way in another run: like a `run` node done
 * there, it is left to its run step, which resumes it only when its whole fingerprint matches.
 */
function judgePartial(partial, request) {
    if (partial.fingerprint?.command === undefined)
        return { take: 'no', reason: 'unrecorded' };
    if (partial.fingerprint.key === undefined && !request.sameCommit) {
        return { take: 'no', reason: 'no-key' };
    }
    return offered();
}
function offered() {
    return { take: 'by-run-step', reason: 'offered' };
}
/** Which of key and version differ, the parts restore compares for a node guarded by hand. */
function changedKey(recorded, current) {
    if (recorded?.key !== current.key)
        return 'key';
    if (recorded?.version !== current.version)
        return 'version';
    return undefined;
}
/**
 * The Actions cache key of a node's checkpoint: scope, node and a digest of what the node
 * depends on. For a `run` node that is its whole fingerprint, which its run step knows; for a
 * node guarded by hand, its key and the action's major version, which the restore step can
 * compute from `keys` (a save's `salt` is not known there). Undefined for a node without a key:
 * those are never cached. Node ids and scopes hold no dots, so the key parses unambiguously.
 */
function cacheKey(scope, node, fingerprint) {
    if (fingerprint?.key === undefined)
        return undefined;
    const parts = fingerprint.command === undefined
        ? { key: fingerprint.key, version: fingerprint.version ?? ACTION_MAJOR }
        : fingerprint;
    const digest = canonical_sha256Digest(canonicalJson({ scope, node, parts })).replace(/^sha256:/, '');
    return `checkpoint.${scope}.${node}.${digest}`;
}
/** The cache key a node guarded by hand has now, from its key in the restore input `keys`. */
function guardedCacheKey(scope, node, key) {
    return key === '' ? undefined : cacheKey(scope, node, computeFingerprint({ key }));
}
/** A reason code in plain words, for the job summary. */
function reasonInWords(reason) {
    if (reason.startsWith('stale:')) {
        return `its ${reason.slice('stale:'.length)} changed since it was saved`;
    }
    return REASON_WORDS[reason] ?? reason;
}
const REASON_WORDS = {
    done: 'taken: what it depends on is unchanged',
    offered: 'found with a key: its run step compares its fingerprint',
    'no-key': 'not taken: no key to compare (reused from another run only with match: sha)',
    'not-found': 'not found in any source',
    'files-missing': 'not taken: its files were missing or did not verify',
    untrusted: 'not taken: not signed with the signing key, or not decryptable',
    corrupt: 'not taken: its checkpoint does not verify',
    unrecorded: 'not taken: saved by an older version that did not record what each node added',
    'rerun-requested': 'not taken: asked to run again'
};

;// CONCATENATED MODULE: ./src/transport/cache-config.ts
/**
 * What the runner's environment says about the Actions cache, read the way @actions/cache reads
 * it, so this action's choices (which sources to try, whether to write) agree with the client's.
 */
const KNOWN_MODES = ['none', 'read', 'write', 'write-only'];
/**
 * `ACTIONS_CACHE_MODE`: `none`, `read`, `write` or `write-only`. Unset or unknown modes allow
 * both, as @actions/cache treats them.
 */
function cacheAccess(env = process.env) {
    const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
    if (!KNOWN_MODES.includes(mode))
        return { mode, read: true, write: true };
    return {
        mode,
        read: mode === 'read' || mode === 'write',
        write: mode === 'write' || mode === 'write-only'
    };
}

;// CONCATENATED MODULE: ./src/transport/cache-store.ts




/**
 * A node's checkpoint in the Actions cache, through @actions/cache (loaded only by the steps
 * that use it). An entry holds the checkpoint document restricted to the node and its files
 * archive, packed as the artifacts are, under an exact key: never a restore-keys prefix.
 *
 * @actions/cache versions an entry by the path strings it is given, so the entry is saved from
 * a folder whose path reads the same on every runner: relative to the workspace (RUNNER_TEMP
 * differs between self-hosted runners). It is restored into a fresh folder under RUNNER_TEMP,
 * never into the workspace: the caller verifies it before anything is placed.
 */
/** The document's file name in an entry. */
const ENTRY_DOCUMENT = 'checkpoint.json';
/** Where a node's entry is staged for saving, relative to the workspace: also its version. */
function entryPath(scope, node) {
    return `.checkpoint-cache/${scope}.${node}`;
}
/** Reports once per step what `ACTIONS_CACHE_MODE` forbids. */
let modeReported = false;
function allowed(what, notice) {
    const access = cacheAccess();
    if (!modeReported && (!access.read || !access.write)) {
        modeReported = true;
        const can = access.read ? 'read from' : access.write ? 'written to' : 'neither read nor written';
        notice(`ACTIONS_CACHE_MODE is '${access.mode}': checkpoints in the Actions cache are ${can === 'neither read nor written' ? can : `only ${can}`} in this job.`);
    }
    return access[what];
}
/**
 * Saves a node's entry under `key`: its document text and its archive file. A key that is
 * already there is left as it is (keys are immutable), never an error.
 */
async function saveEntry(entry, archive, workspace, notice) {
    if (!allowed('write', notice))
        return 'not-allowed';
    const cache = await __nccwpck_require__.e(/* import() */ 559).then(__nccwpck_require__.bind(__nccwpck_require__, 3559));
    const path = entryPath(entry.scope, entry.node);
    if (allowed('read', notice) && (await lookUp(entry.key, path)) === entry.key)
        return 'exists';
    const folder = join(workspace, path);
    await rm(folder, { recursive: true, force: true });
    try {
        await mkdir(folder, { recursive: true });
        await writeFile(join(folder, ENTRY_DOCUMENT), entry.document, 'utf8');
        if (archive)
            await copyFile(archive.file, join(folder, archive.name));
        const id = await inFolder(workspace, () => cache.saveCache([path], entry.key));
        return id > 0 ? 'saved' : 'not-saved';
    }
    finally {
        await rm(folder, { recursive: true, force: true });
        // The parent goes too when no other step is staging in it.
        await rmdir(join(workspace, '.checkpoint-cache')).catch(() => undefined);
    }
}
async function lookUp(key, path) {
    const cache = await __nccwpck_require__.e(/* import() */ 559).then(__nccwpck_require__.bind(__nccwpck_require__, 3559));
    return cache.restoreCache([path], key, [], { lookupOnly: true });
}
/**
 * Restores the entry of exactly `key` into a fresh folder under `runnerTemp`; the folder holding
 * the entry's files, or undefined on a miss. The caller verifies it, then removes `scratch`.
 */
async function restoreEntry(entry, runnerTemp, notice) {
    if (!allowed('read', notice))
        return undefined;
    const cache = await __nccwpck_require__.e(/* import() */ 559).then(__nccwpck_require__.bind(__nccwpck_require__, 3559));
    const path = entryPath(entry.scope, entry.node);
    const scratch = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_.join)(runnerTemp, 'checkpoint-cache-'));
    // The archive is extracted relative to GITHUB_WORKSPACE: here, the scratch folder.
    const matched = await withWorkspace(scratch, () => cache.restoreCache([path], entry.key, []));
    if (matched !== entry.key) {
        // The service may match a longer key by prefix: only the exact key is an entry of ours.
        await (0,promises_namespaceObject.rm)(scratch, { recursive: true, force: true });
        return undefined;
    }
    return { folder: (0,external_node_path_.join)(scratch, path), scratch };
}
async function withWorkspace(folder, call) {
    const before = process.env.GITHUB_WORKSPACE;
    process.env.GITHUB_WORKSPACE = folder;
    try {
        return await call();
    }
    finally {
        if (before === undefined)
            delete process.env.GITHUB_WORKSPACE;
        else
            process.env.GITHUB_WORKSPACE = before;
    }
}
/** @actions/cache finds the paths to save relative to the working directory. */
async function inFolder(folder, call) {
    const before = process.cwd();
    process.chdir(folder);
    try {
        return await withWorkspace(folder, call);
    }
    finally {
        process.chdir(before);
    }
}
/** Whether the cache can be used at all here: a runtime token and a cache service. */
function cacheAvailable(env = process.env) {
    if (!env.ACTIONS_RUNTIME_TOKEN)
        return false;
    const v2 = !isGhes(env) && Boolean(env.ACTIONS_CACHE_SERVICE_V2);
    return Boolean(v2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL);
}

;// CONCATENATED MODULE: ./src/resume/from-cache.ts













/**
 * Restores the entry of `key` into RUNNER_TEMP and verifies its checkpoint as an artifact's
 * (digest, shape, signature), and that it is the checkpoint of this scope and node under this
 * very key; undefined on a miss.
 * @throws CheckpointError when the entry does not verify
 */
async function fetchCacheHit(entry, runnerTemp, codec) {
    const restored = await restoreEntry(entry, runnerTemp, notice);
    if (!restored)
        return undefined;
    const dispose = () => (0,promises_namespaceObject.rm)(restored.scratch, { recursive: true, force: true });
    try {
        const source = `cache entry ${entry.key}`;
        const bytes = await (0,promises_namespaceObject.readFile)((0,external_node_path_.join)(restored.folder, ENTRY_DOCUMENT)).catch(() => {
            throw new CorruptCheckpointError(source, `it holds no checkpoint of node '${entry.node}'`);
        });
        const text = decodeUtf8(bytes, source);
        const document = codec.decode(text, source);
        const record = document.nodes.find(node => node.id === entry.node);
        if (document.scope !== entry.scope ||
            cacheKey(entry.scope, entry.node, record?.fingerprint) !== entry.key) {
            throw new CorruptCheckpointError(source, `it is not node '${entry.node}' with this key`);
        }
        const part = keptInCache(restrictTo(document, [entry.node]), entry.key);
        return { document: part, archives: entryArchives(restored.folder), dispose };
    }
    catch (error) {
        await dispose();
        throw error;
    }
}
/** The part of a node taken from the cache, its archives marked as kept there. */
function keptInCache(document, key) {
    const archives = document.archives.map(archive => ({ ...archive, cache: key }));
    return sealCheckpoint({ ...document, archives });
}
/** The archives of a restored entry: files beside its document, each checked before use. */
function entryArchives(folder) {
    return record => ({
        download: async () => {
            const file = (0,external_node_path_.join)(folder, record.name);
            await checkArchive(file, record);
            return file;
        }
    });
}
async function checkArchive(file, record) {
    const found = await hashFile(file).catch(() => undefined);
    if (!found)
        throw new ArchiveIntegrityError(record.name, 'is missing from its cache entry');
    if (found.bytes !== record.size || found.digest !== record.digest) {
        throw new ArchiveIntegrityError(record.name, 'its bytes do not match the digest recorded at upload');
    }
}
/**
 * Archives kept in the cache, fetched by the key their record names, for later attempts of a run
 * that took a node from the cache: copied into `downloads`, checked against their digest.
 */
function cacheArchives(runnerTemp) {
    return async (record, downloads) => {
        const ref = parseArtifactName(record.name)?.ref;
        if (!ref || record.cache === undefined) {
            throw new ArchiveIntegrityError(record.name, 'names no cache entry of a node');
        }
        const restored = await restoreEntry({ key: record.cache, scope: ref.scope, node: ref.node }, runnerTemp, notice);
        if (!restored)
            throw new ArchiveIntegrityError(record.name, `its cache entry ${record.cache} is gone`);
        try {
            const file = (0,external_node_path_.join)(await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_.join)(downloads, 'cache-')), record.name);
            await (0,promises_namespaceObject.copyFile)((0,external_node_path_.join)(restored.folder, record.name), file);
            await checkArchive(file, record);
            return file;
        }
        finally {
            await (0,promises_namespaceObject.rm)(restored.scratch, { recursive: true, force: true });
        }
    };
}
/**
 * The `cache` source of restore: each node named in `keys` that no earlier source supplied is
 * looked up under the key of its scope, node and current key; a verified entry is placed.
 */
async function fromCache(request, found) {
    const codec = new CheckpointCodec(request.keys);
    const scratch = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_.join)(request.context.runnerTemp, 'checkpoint-cached-'));
    try {
        for (const [node, given] of request.sources.keys) {
            if (found.reuse.sources[node] !== undefined)
                continue;
            if (asked(request, node)) {
                setReason(found, node, 'rerun-requested');
                continue;
            }
            const key = guardedCacheKey(request.scope, node, given);
            if (!key) {
                setReason(found, node, 'no-key');
                continue;
            }
            await from_cache_lookUp(request, found, { key, node }, codec, scratch);
        }
    }
    finally {
        await (0,promises_namespaceObject.rm)(scratch, { recursive: true, force: true });
    }
}
function asked(request, node) {
    return request.invalidation.rerun.includes(node) || request.invalidation.rerunFrom === node;
}
async function from_cache_lookUp(request, found, entry, codec, scratch) {
    let hit;
    try {
        hit = await fetchCacheHit({ ...entry, scope: request.scope }, request.context.runnerTemp, codec);
        if (!hit)
            return;
        const record = hit.document.nodes.find(node => node.id === entry.node);
        const verdict = record && judgeNode(record, { keys: request.sources.keys, sameCommit: false });
        if (verdict?.take !== 'now') {
            setReason(found, entry.node, verdict?.reason ?? 'corrupt');
            return;
        }
        const { document, archives } = hit;
        const placed = await placeParts(document, [entry.node], archives, request, found, scratch, 'the cache');
        if (placed.length > 0)
            take(found, document, () => 'cache');
    }
    catch (error) {
        refused(request, found, entry.node, error);
    }
    finally {
        await hit?.dispose();
    }
}
/** An entry that does not verify is a reason; a cache that cannot be read, a warning. */
function refused(request, found, node, error) {
    if (!(error instanceof CheckpointError)) {
        if (request.failOnError)
            throw error;
        warning(`The Actions cache could not be read (${describe(error)}): node '${node}' is not taken from it.`);
        return;
    }
    setReason(found, node, error instanceof UntrustedCheckpointError ? 'untrusted' : 'corrupt');
    warning(`Node '${node}' is not taken from the cache: ${describe(error)}`);
}

;// CONCATENATED MODULE: ./src/transport/workflow-runs.ts

/** Reads this run from the runner's environment; undefined outside a job. */
function currentRun(env = process.env) {
    const [owner, name] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const runId = Number(env.GITHUB_RUN_ID);
    if (!owner || !name || !Number.isSafeInteger(runId))
        return undefined;
    const ref = env.GITHUB_REF ?? '';
    const event = env.GITHUB_EVENT_NAME ?? '';
    const pull = /^refs\/pull\/(\d+)\//.exec(ref);
    const branch = isPullRequestEvent(event)
        ? env.GITHUB_HEAD_REF || undefined
        : ref.startsWith('refs/heads/')
            ? ref.slice('refs/heads/'.length)
            : env.GITHUB_REF_NAME || undefined;
    // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/ci.yml@refs/heads/main
    const path = (env.GITHUB_WORKFLOW_REF ?? '').split('@')[0] ?? '';
    const workflow = /\/\.github\/workflows\/([^/]+)$/.exec(path)?.[1];
    return {
        repository: { owner, name },
        runId,
        workflow,
        event,
        sha: env.GITHUB_SHA ?? '',
        branch,
        pullRequest: pull ? Number(pull[1]) : undefined
    };
}
/** A run triggered by a pull request (`pull_request`, `pull_request_target`, reviews...). */
function isPullRequestEvent(event) {
    return event.startsWith('pull_request');
}
/**
 * Why an earlier run may not supply checkpoints to this one, or undefined when it may. Only
 * earlier runs of this repository's own commits count: never a fork's run; and a run triggered
 * by a pull request serves only later runs of the same pull request, never a push.
 */
function distrust(candidate, current) {
    const repository = `${current.repository.owner}/${current.repository.name}`.toLowerCase();
    if (candidate.id >= current.runId)
        return 'it is not earlier than this run';
    if (candidate.headRepository?.toLowerCase() !== repository) {
        return `it ran on the commit of another repository (${candidate.headRepository ?? 'unknown'}), a fork`;
    }
    if (!isPullRequestEvent(candidate.event))
        return undefined;
    if (!isPullRequestEvent(current.event) || current.pullRequest === undefined) {
        return `it was triggered by a pull request (${candidate.event}), and serves only later runs of the same pull request`;
    }
    if (!candidate.pullRequests.includes(current.pullRequest)) {
        return `it is of another pull request than #${current.pullRequest}`;
    }
    return undefined;
}
/**
 * Completed runs of this workflow, newest first: with `ref`, those of this branch, then those of
 * the default branch; with `sha`, those of this commit. At most `maxRuns` are yielded, all
 * listings together, whatever becomes of them.
 * @throws GitHubApiError (403 without `actions: read`)
 */
async function* earlierRuns(client, current, workflow, query) {
    const seen = new Set();
    for (const filter of listings(current, query)) {
        const path = `${repoPath(current.repository)}/actions/workflows/${encodeURIComponent(workflow)}/runs`;
        let url = `${path}?${filter}&status=completed&per_page=${Math.min(100, query.maxRuns)}`;
        while (url !== undefined && seen.size < query.maxRuns) {
            const page = await client.getJson(url, `the runs of workflow ${workflow}`);
            const runs = page.json.workflow_runs ?? [];
            for (const run of runs.map(toWorkflowRun)) {
                if (seen.has(run.id) || seen.size >= query.maxRuns)
                    continue;
                seen.add(run.id);
                yield run;
            }
            url = runs.length > 0 ? page.next : undefined;
        }
    }
}
function listings(current, query) {
    if (query.match === 'sha')
        return [`head_sha=${encodeURIComponent(current.sha)}`];
    const branches = [current.branch, query.defaultBranch].filter((branch) => branch !== undefined && branch !== '');
    return [...new Set(branches)].map(branch => `branch=${encodeURIComponent(branch)}`);
}
function toWorkflowRun(item) {
    const value = (item ?? {});
    const head = (value.head_repository ?? {});
    const pulls = Array.isArray(value.pull_requests) ? value.pull_requests : [];
    return {
        id: Number(value.id),
        event: typeof value.event === 'string' ? value.event : '',
        headSha: typeof value.head_sha === 'string' ? value.head_sha : '',
        headBranch: typeof value.head_branch === 'string' ? value.head_branch : '',
        pullRequests: pulls.map(pull => Number(pull?.number)),
        headRepository: typeof head.full_name === 'string' ? head.full_name : undefined
    };
}
/**
 * The repository's default branch: from the event payload the runner wrote, else the REST API.
 * @throws GitHubApiError
 */
async function defaultBranch(client, repository, env = process.env) {
    const fromEvent = await (0,promises_namespaceObject.readFile)(env.GITHUB_EVENT_PATH ?? '', 'utf8').then(text => (JSON.parse(text).repository ?? {})
        .default_branch, () => undefined);
    if (typeof fromEvent === 'string' && fromEvent !== '')
        return fromEvent;
    const { json } = await client.getJson(repoPath(repository), 'the repository');
    const branch = json.default_branch;
    return typeof branch === 'string' ? branch : undefined;
}
/**
 * The workflow of this run, when the runner did not say it (GITHUB_WORKFLOW_REF): the id the
 * REST API records for the run.
 * @throws GitHubApiError
 */
async function workflowOf(client, current) {
    if (current.workflow !== undefined)
        return current.workflow;
    const { json } = await client.getJson(`${repoPath(current.repository)}/actions/runs/${current.runId}`, `run ${current.runId}`);
    return String(json.workflow_id);
}
function repoPath(repository) {
    return `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}`;
}

;// CONCATENATED MODULE: ./src/resume/from-runs.ts














/** How many of a run's newest checkpoints are tried before the run is passed over. */
const DOCUMENTS_PER_RUN = 3;
/** The permission the runs source needs, as the warning names it. */
const PERMISSION = "Resuming from earlier runs needs the job's token to read Actions (permissions: actions: read)";
/**
 * The `runs` source: earlier completed runs of this workflow, newest first, each one's newest
 * checkpoint of the scope verified exactly as this run's are (digest, name, signature); each
 * node in it is taken, offered to its run step or refused by the reuse rule. Older runs are
 * looked at only for nodes still wanted: those named in `keys` not yet taken, and those whose
 * checkpoint or files did not verify. A missing permission or a failing API is one warning,
 * and the next source is tried.
 */
async function fromRuns(request, found) {
    const current = currentRun();
    const client = restClient(request.token);
    if (!current || !client) {
        warning(`${PERMISSION}: no token (input github-token) or repository. Trying the next source.`);
        return;
    }
    const scratch = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_.join)(request.context.runnerTemp, 'checkpoint-runs-'));
    try {
        await lookThroughRuns(client, current, request, found, scratch);
    }
    catch (error) {
        if (error instanceof GitHubApiError && error.status === 403) {
            warning(`${PERMISSION}; the API answered 403. Trying the next source.`);
            return;
        }
        if (request.failOnError)
            throw error;
        warning(`Earlier runs could not be read (${describe(error)}): trying the next source.`);
    }
    finally {
        await (0,promises_namespaceObject.rm)(scratch, { recursive: true, force: true });
    }
}
async function lookThroughRuns(client, current, request, found, scratch) {
    const { match, maxRuns } = request.sources;
    const workflow = await workflowOf(client, current);
    const branch = match === 'ref' ? await defaultBranch(client, current.repository) : undefined;
    const query = { match, maxRuns, defaultBranch: branch };
    let looked = 0;
    for await (const run of earlierRuns(client, current, workflow, query)) {
        looked++;
        const refused = distrust(run, current);
        if (refused) {
            info(`Run ${run.id} is passed over: ${refused}.`);
            continue;
        }
        const document = await newestDocument(client, current, run, request, found, scratch);
        if (!document)
            continue;
        await takeFromRun(client, current, document, run, request, found, scratch);
        if (!stillWanted(found, request))
            break;
    }
    info(`Looked at ${looked} earlier run(s) of ${workflow} (max-runs: ${maxRuns}).`);
}
/** This scope's newest checkpoint of a run that verifies, trying a few before giving up. */
async function newestDocument(client, current, run, request, found, scratch) {
    const artifacts = await client.listRunArtifacts(current.repository, run.id);
    const documents = artifacts
        .map(artifact => ({ artifact, ref: parseCheckpointName(artifact.name) }))
        .filter((item) => {
        return item.ref?.scope === request.scope && !item.artifact.expired;
    })
        .sort((a, b) => compareRefs(b.ref, a.ref))
        .slice(0, DOCUMENTS_PER_RUN);
    const codec = new CheckpointCodec(request.keys);
    for (const { artifact, ref } of documents) {
        try {
            return await readDocument(client, current, run, artifact, ref, codec, scratch);
        }
        catch (error) {
            if (!(error instanceof CheckpointError) || error instanceof GitHubApiError)
                throw error;
            const reason = error instanceof UntrustedCheckpointError ? 'untrusted' : 'corrupt';
            setReason(found, ref.node, reason);
            warning(`Checkpoint ${artifact.name} of run ${run.id} is not used: ${describe(error)}`);
        }
    }
    return undefined;
}
async function readDocument(client, current, run, artifact, ref, codec, scratch) {
    const source = `run ${run.id}/${artifact.name}`;
    const file = (0,external_node_path_.join)(scratch, `${run.id}.${artifact.name}`);
    const { digest } = await client.download(current.repository, artifact, file);
    if (artifact.digest !== undefined && digest !== artifact.digest) {
        throw new CorruptCheckpointError(source, 'its bytes do not match the digest recorded at upload');
    }
    const document = codec.decode(decodeUtf8(await (0,promises_namespaceObject.readFile)(file), source), source, ref);
    if (document.run.runId !== String(run.id)) {
        throw new CorruptCheckpointError(source, `it says run ${document.run.runId} wrote it`);
    }
    return document;
}
/** Decides each node of a run's checkpoint and takes the ones whose files verify. */
async function takeFromRun(client, current, document, run, request, found, scratch) {
    const source = `run ${run.id}`;
    const rerun = invalidate(document, request.invalidation).rerun;
    const request_ = { keys: request.sources.keys, sameCommit: request.sources.match === 'sha' };
    const wanted = [];
    for (const node of document.nodes) {
        found.known.add(node.id);
        if (found.reuse.sources[node.id] !== undefined || found.reuse.offers[node.id])
            continue;
        if (rerun.includes(node.id) || request.invalidation.rerun.includes(node.id)) {
            setReason(found, node.id, 'rerun-requested');
            continue;
        }
        const verdict = judgeNode(node, request_);
        setReason(found, node.id, verdict.reason);
        if (verdict.take === 'now')
            wanted.push(node.id);
        if (verdict.take === 'by-run-step') {
            found.reuse.offers[node.id] = { source, document: restrictTo(document, [node.id]) };
        }
    }
    offerProgress(document, source, request, found);
    const elsewhere = archivesElsewhere({ client, repository: current.repository });
    const placed = await placeParts(document, wanted, elsewhere, request, found, scratch);
    if (placed.length > 0)
        take(found, restrictTo(document, placed), () => source);
}
/** Progress of nodes stopped part-way crosses runs as done nodes do: left to the run step. */
function offerProgress(document, source, request, found) {
    const sameCommit = request.sources.match === 'sha';
    for (const partial of document.partials ?? []) {
        const id = partial.id;
        found.known.add(id);
        if (found.reuse.sources[id] !== undefined || found.reuse.offers[id])
            continue;
        if (request.invalidation.rerun.includes(id) || request.invalidation.rerunFrom === id)
            continue;
        const verdict = judgePartial(partial, { keys: request.sources.keys, sameCommit });
        setReason(found, id, verdict.reason);
        const part = partialPart(document, id);
        if (verdict.take === 'by-run-step' && part)
            found.reuse.offers[id] = { source, document: part };
    }
}
const RETRY_ELSEWHERE = new Set(['files-missing', 'corrupt', 'untrusted']);
/** Whether an older run could still give something: a keyed node not found, a bad one. */
function stillWanted(found, request) {
    const reasons = found.reuse.reasons;
    for (const node of request.sources.keys.keys()) {
        if (reasons[node] !== 'done' && reasons[node] !== 'offered')
            return true;
    }
    return Object.values(reasons).some(reason => RETRY_ELSEWHERE.has(reason));
}

;// CONCATENATED MODULE: ./src/checkpoint/manager.ts







/** Marks a document holding every checkpoint of a scope (the seed's full state export). */
const EXPORT_KIND = 'checkpoint-action/export';
/** The export document of a scope's checkpoints, stamped with when it was made. */
function exportDocument(scope, checkpoints, exportedAt) {
    return { kind: EXPORT_KIND, schema: 1, scope, exportedAt: exportedAt.toISOString(), checkpoints };
}
/**
 * Checkpoints of one scope in one store: the seed's CheckpointManager without its defects.
 * "Latest" is decided from names by (attempt, sequence), so finding it reads no file; loading
 * verifies the digest; writes are atomic in the store.
 */
class CheckpointManager {
    store;
    scope;
    run;
    codec;
    constructor(store, options = {}) {
        this.store = store;
        this.scope = ids_validateId('scope', options.scope ?? 'default');
        this.run = options.run ?? { runId: 'local', attempt: 1 };
        this.codec = options.codec ?? new CheckpointCodec();
    }
    /** This scope's checkpoints, oldest first. */
    async list() {
        const refs = (await this.store.listNames())
            .map(name => parseCheckpointName(name))
            .filter((ref) => ref?.scope === this.scope);
        return refs.sort(compareRefs);
    }
    /** The newest checkpoint, or the newest of one node; reads no file. */
    async latest(node) {
        const refs = await this.list();
        return refs.filter(ref => node === undefined || ref.node === node).at(-1);
    }
    /**
     * Loads and verifies one checkpoint.
     * @throws CheckpointNotFoundError, CorruptCheckpointError or UnsupportedSchemaError
     */
    async load(target) {
        const name = typeof target === 'string' ? target : naming_checkpointName(target);
        const ref = typeof target === 'string' ? parseCheckpointName(target) : target;
        if (!ref)
            throw new CorruptCheckpointError(name, 'its name is not a checkpoint name');
        const text = await this.store.readText(name);
        return this.codec.decode(text, `${this.store.location}/${name}`, ref);
    }
    /**
     * The newest checkpoint that loads and verifies, newest first, passing over bad ones (each
     * reported to `onSkip`): a corrupt latest checkpoint falls back to the previous good one.
     */
    async latestValid(options = {}) {
        const refs = (await this.list()).filter(ref => !options.node || ref.node === options.node);
        for (const ref of refs.reverse()) {
            try {
                return await this.load(ref);
            }
            catch (error) {
                if (!(error instanceof CheckpointError))
                    throw error;
                options.onSkip?.({ ref, error });
            }
        }
        return undefined;
    }
    /**
     * Records `node` as done with its state, extending the latest valid checkpoint, and writes it.
     * @returns the new checkpoint
     * @throws InvalidInputError for a bad node id, or a state nested too deep or holding a key
     *   named `__proto__`, `constructor` or `prototype` (no checkpoint could be read back)
     */
    async create(node, state, extra = {}) {
        ids_validateId('node', node);
        const problem = stateProblem(state);
        if (problem)
            throw new errors_InvalidInputError('state', JSON.stringify(state), problem);
        const base = await this.latestValid();
        const document = nextCheckpoint(base, {
            scope: this.scope,
            node,
            run: { ...this.run, attempt: Math.max(this.run.attempt, base?.attempt ?? 1) },
            state,
            ...extra
        });
        await this.store.writeText(naming_checkpointName(document), this.codec.encode(document));
        return document;
    }
    /** Every valid checkpoint of the scope in one document; bad ones are left out. */
    async exportAll(now = new Date()) {
        const checkpoints = [];
        for (const ref of await this.list())
            checkpoints.push(await this.load(ref));
        return exportDocument(this.scope, checkpoints, now);
    }
    /**
     * Writes every checkpoint of an export into the store, each verified first; one that is
     * already there with the same digest is left alone, one that differs is refused.
     * @returns the refs written
     */
    async importAll(data, source = 'import') {
        const checkpoints = readExport(data, source);
        const existing = new Set(await this.store.listNames());
        const written = [];
        for (const [index, raw] of checkpoints.entries()) {
            const document = parseCheckpointValue(JSON.parse(JSON.stringify(raw)), `${source} checkpoint #${index + 1}`);
            if (document.scope !== this.scope)
                continue;
            const name = naming_checkpointName(document);
            if (existing.has(name)) {
                if ((await this.load(name)).digest !== document.digest) {
                    throw new CorruptCheckpointError(`${this.store.location}/${name}`, `differs from ${source}`);
                }
                continue;
            }
            await this.store.writeText(name, this.codec.encode(document));
            written.push(document);
        }
        return written;
    }
}
function readExport(data, source) {
    const value = data;
    if (value?.kind !== EXPORT_KIND || !Array.isArray(value.checkpoints)) {
        throw new CorruptCheckpointError(source, `not an export (no "kind": "${EXPORT_KIND}")`);
    }
    return value.checkpoints;
}

;// CONCATENATED MODULE: ./src/transport/twirp-client.ts






/** The run and job ids the runtime token grants (its `Actions.Results:<run>:<job>` scope). */
function backendIds(token) {
    const payload = token.split('.')[1] ?? '';
    let claims;
    try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    }
    catch {
        throw new ServiceError('ACTIONS_RUNTIME_TOKEN is not a readable JWT');
    }
    const scp = typeof claims.scp === 'string' ? claims.scp : '';
    for (const scope of scp.split(' ')) {
        const parts = scope.split(':');
        if (parts[0] === 'Actions.Results' && parts.length === 3) {
            return { runBackendId: parts[1] ?? '', jobBackendId: parts[2] ?? '' };
        }
    }
    throw new ServiceError('ACTIONS_RUNTIME_TOKEN grants no Actions.Results scope');
}
/**
 * Calls that create or commit something: a second copy of one whose answer was lost could
 * conflict with the first (a 409 on CreateArtifact), so a broken connection ends them.
 */
const NOT_IDEMPOTENT = new Set(['CreateArtifact', 'FinalizeArtifact', 'DeleteArtifact']);
/**
 * Calls one method of the artifact service with the Twirp schedule (see SERVICE_CALLS); each
 * try waits at most a minute for its answer, and none starts after the call's deadline.
 * @throws ServiceError naming the method, the last status and the attempts made
 */
async function callArtifactService(endpoint, method, body, log) {
    const url = `${endpoint.origin}/twirp/github.actions.results.api.v1.ArtifactService/${method}`;
    const options = {
        what: `Artifact service ${method}`,
        policy: SERVICE_CALLS,
        idempotent: !NOT_IDEMPOTENT.has(method),
        ...(log ? { log } : {})
    };
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${endpoint.token}` };
    const payload = Buffer.from(JSON.stringify(body));
    return withRetries(options, async ({ remainingMs }) => {
        const timeoutMs = Math.min(CALL_TIMEOUT_MS, remainingMs);
        const response = await request(url, { method: 'POST', headers, body: payload, timeoutMs });
        const text = (await readBody(response)).toString('utf8');
        try {
            return JSON.parse(text);
        }
        catch {
            // A proxy's page, or an answer cut short: tried again as the official client does, when
            // the call is safe to repeat.
            // Its text is not shown: a body cut short could hold half a signed URL, not yet masked.
            throw new TransferInterruptedError(`answered ${String(response.statusCode)} with ${text.length} characters that are not JSON`);
        }
    });
}

;// CONCATENATED MODULE: ./src/transport/artifact-store.ts











/**
 * The run's artifacts: listed through the artifact service (which records the uploading job),
 * moved with @actions/artifact. Downloads are never unpacked by the client: the bytes are checked
 * against the digest recorded at upload, then unpacked by the caller against its manifest.
 */
class ArtifactStore {
    context;
    token;
    stepLog;
    endpoint;
    upload;
    /** Retries go to the step's log as they happen. */
    log = (line) => {
        this.stepLog.info(line);
    };
    /**
     * @throws ArtifactsUnavailableError on GitHub Enterprise Server
     * @throws ServiceError outside a job
     */
    constructor(context, token, stepLog) {
        this.context = context;
        this.token = token;
        this.stepLog = stepLog;
        this.endpoint = serviceEndpoint();
    }
    /** This job's id at the artifact service. */
    get jobBackendId() {
        return backendIds(this.endpoint.token).jobBackendId;
    }
    /** This run's id at the artifact service. */
    get runBackendId() {
        return backendIds(this.endpoint.token).runBackendId;
    }
    /** Every artifact of this run, all attempts and jobs. */
    async list() {
        const ids = backendIds(this.endpoint.token);
        const response = (await this.call('ListArtifacts', {
            workflow_run_backend_id: ids.runBackendId,
            workflow_job_run_backend_id: ids.jobBackendId
        }));
        return (response.artifacts ?? []).map(item => ({
            id: Number(item.database_id ?? item.databaseId),
            name: item.name ?? '',
            size: Number(item.size ?? 0),
            digest: typeof item.digest === 'object' ? item.digest.value : item.digest,
            jobBackendId: item.workflow_job_run_backend_id ?? item.workflowJobRunBackendId ?? '',
            runBackendId: item.workflow_run_backend_id ?? item.workflowRunBackendId ?? ids.runBackendId,
            createdAt: item.created_at ?? item.createdAt ?? ''
        }));
    }
    /**
     * Downloads an artifact's bytes, as stored (never unpacked), into a fresh folder under `into`
     * and returns the file's path. When the artifact service will not sign a URL for it (earlier
     * attempts' artifacts can answer 404 "workflow run not found"), it goes through the REST API
     * with the job's token.
     * @throws ArchiveIntegrityError when the bytes do not match the digest recorded at upload
     */
    async download(artifact, into) {
        const folder = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_.join)(into, 'download-'));
        const file = (0,external_node_path_.join)(folder, 'artifact');
        const matches = async () => {
            const { digest } = await this.fetchBytes(artifact, file);
            return artifact.digest === undefined || digest === artifact.digest;
        };
        if (await matches())
            return file;
        // A transfer cut short looks like changed bytes: fetched once more before they are called
        // changed (not a retry of the request, which succeeded: a second look at what it gave).
        this.stepLog.info(`Download of ${artifact.name} does not match its digest; fetching it again`);
        if (await matches())
            return file;
        throw new ArchiveIntegrityError(artifact.name, 'its bytes do not match the digest recorded at upload');
    }
    /** The artifact's bytes into `file`, a progress line every interval while they come. */
    async fetchBytes(artifact, file) {
        let bytes = 0;
        const progress = (count) => {
            bytes = count;
        };
        const log = (line) => {
            if (this.stepLog.progress)
                this.stepLog.progress(line);
            else
                this.stepLog.info(line);
        };
        const report = { label: `Downloading ${artifact.name}`, total: artifact.size, log };
        return withProgress(report, () => bytes, async () => {
            try {
                const url = await this.signedUrl(artifact);
                return await downloadToFile(url, file, { ...this.transfer(artifact), progress });
            }
            catch (error) {
                if (!this.restLookup())
                    throw error;
                this.stepLog.info(`Download of ${artifact.name} failed (${describe(error)}); trying the REST API`);
                return this.downloadThroughRest(artifact, file, progress);
            }
        });
    }
    /** A URL that downloads the artifact's bytes for a while, without credentials. */
    async signedUrl(artifact) {
        const response = (await this.call('GetSignedArtifactURL', {
            workflow_run_backend_id: artifact.runBackendId,
            workflow_job_run_backend_id: artifact.jobBackendId,
            name: artifact.name
        }));
        const url = response.signed_url ?? response.signedUrl;
        if (!url)
            throw new ServiceError(`The artifact service gave no download URL for ${artifact.name}`);
        return url;
    }
    /** How a transfer of `artifact` is named in messages and where its retries are logged. */
    transfer(artifact) {
        return { what: `Download of ${artifact.name}`, log: this.log };
    }
    /** Through the REST API with the job's token; the signed URL it redirects to is masked first. */
    async downloadThroughRest(artifact, file, progress) {
        const lookup = this.restLookup();
        if (!lookup)
            throw new ServiceError('No token or repository for the REST API');
        return downloadArtifact({ apiUrl: apiUrl(), token: lookup.token }, lookup, artifact.id, file, {
            what: `REST API download of ${artifact.name}`,
            log: this.log,
            redirected: location => {
                this.mask(location);
            },
            progress
        });
    }
    /**
     * Uploads a zip as it is being written (see ZipPacker): create, the bytes in blocks, finalize
     * with their digest. Nothing is listed until the finalize: a failed upload leaves no artifact.
     */
    async uploadZip(name, bytes, options) {
        return this.uploadArtifact(name, 'application/zip', options, url => uploadStream(url, bytes, this.uploadOptions(name, 'application/zip')));
    }
    /**
     * Uploads one text document as an artifact without a zip around it, so it downloads from the
     * run page as the plain file: create, one Put Blob, finalize with its digest.
     */
    async uploadDocument(name, text, options) {
        const body = Buffer.from(text, 'utf8');
        // One block larger than the body: it goes up in one Put Blob, whatever its size.
        return this.uploadArtifact(name, 'application/json', options, url => uploadStream(url, [body], {
            ...this.uploadOptions(name, 'application/json'),
            blockBytes: body.length + 1
        }));
    }
    /** ACTIONS_ARTIFACT_UPLOAD_* read on the first upload; a lowered concurrency is said once. */
    uploadOptions(name, contentType) {
        if (this.upload === undefined) {
            this.upload = uploadSettings();
            if (this.upload.concurrencyAsked !== undefined) {
                this.stepLog.info(`ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY is ${this.upload.concurrencyAsked}, more than the cap of ${this.upload.concurrency} for this machine: ${this.upload.concurrency} blocks go up at once.`);
            }
        }
        return { ...this.upload, what: `Upload of ${name}`, log: this.log, contentType };
    }
    /**
     * Create, upload, finalize. The artifact is created when `put` first asks for its URL: an
     * upload whose source fails before any byte is ready (a file holding a secret) creates none.
     */
    async uploadArtifact(name, mimeType, options, put) {
        const ids = backendIds(this.endpoint.token);
        const scope = {
            workflow_run_backend_id: ids.runBackendId,
            workflow_job_run_backend_id: ids.jobBackendId
        };
        let created;
        const url = () => {
            created ??= this.createArtifact(name, mimeType, scope, options.retentionDays);
            return created;
        };
        const { size, digest } = await put(url);
        await url();
        const finalized = (await this.call('FinalizeArtifact', {
            ...scope,
            name,
            size: String(size),
            hash: digest
        }));
        assertOk('FinalizeArtifact', name, finalized);
        const id = Number(finalized.artifact_id ?? finalized.artifactId);
        if (!Number.isSafeInteger(id)) {
            throw new ServiceError(`Artifact service FinalizeArtifact gave no artifact id for ${name} (${JSON.stringify(finalized)})`);
        }
        return { id, size, digest };
    }
    async createArtifact(name, mimeType, scope, retentionDays) {
        const expiresAt = retentionDays
            ? { expires_at: new Date(Date.now() + retentionDays * 86_400_000).toISOString() }
            : {};
        const created = (await this.call('CreateArtifact', {
            ...scope,
            name,
            version: 7,
            mime_type: mimeType,
            ...expiresAt
        }).catch((error) => {
            throw artifactLimitError(error, name) ?? error;
        }));
        assertOk('CreateArtifact', name, created);
        const url = created.signed_upload_url ?? created.signedUploadUrl;
        if (!url)
            throw new ServiceError(`The artifact service gave no upload URL for ${name}`);
        return url;
    }
    /**
     * Deletes an artifact this job uploaded (DeleteArtifact, through the one retry schedule):
     * how a save removes what a pack it committed now holds.
     * @throws ServiceError when the service refuses or cannot be reached
     */
    async delete(name) {
        const ids = backendIds(this.endpoint.token);
        await this.call('DeleteArtifact', {
            workflow_run_backend_id: ids.runBackendId,
            workflow_job_run_backend_id: ids.jobBackendId,
            name
        });
    }
    /** One Twirp call; the signed URLs in its answer are masked before anything can log them. */
    async call(method, body) {
        const answer = await callArtifactService(this.endpoint, method, body, this.log);
        const urls = (answer ?? {});
        for (const key of ['signed_upload_url', 'signedUploadUrl', 'signed_url', 'signedUrl']) {
            const url = urls[key];
            if (typeof url === 'string')
                this.mask(url);
        }
        return answer;
    }
    mask(url) {
        for (const secret of signatureSecrets(url))
            this.stepLog.mask(secret);
    }
    restLookup() {
        const repository = this.context.repository;
        if (!this.token || !repository)
            return undefined;
        return { token: this.token, owner: repository.owner, name: repository.name };
    }
}
/** The service's limit on a job's artifacts, when it does not say another. */
const ARTIFACTS_PER_JOB = 500;
/**
 * A CreateArtifact refused because the job holds as many artifacts as the service allows, said
 * in words that name the limit (the service's own answer does not always); undefined for any
 * other failure.
 */
function artifactLimitError(error, name) {
    const text = describe(error);
    if (!/artifacts?\b.*\b(at most|limit|maximum|exceed)/i.test(text))
        return undefined;
    const limit = /at most (\d+) artifacts/i.exec(text)?.[1] ?? String(ARTIFACTS_PER_JOB);
    return new ServiceError(`the artifact service allows at most ${limit} artifacts per job, and this job holds that many: ${name} was not uploaded (${text}). Earlier checkpoints stay restorable.`, error instanceof ServiceError ? error.status : undefined, { cause: error });
}
/**
 * A Create or Finalize the service declined: `ok` is false or missing (proto3 JSON leaves a false
 * `ok` out), which the official client treats as a failure too.
 */
function assertOk(method, name, answer) {
    if (answer.ok !== true) {
        throw new ServiceError(`Artifact service ${method} answered ok: false for ${name}`);
    }
}
/**
 * The run's checkpoint documents as a {@link CheckpointStore}, over a listing taken once, so
 * the manager decides "latest" from names without a request per checkpoint.
 */
class RunCheckpointStore {
    artifacts;
    options;
    location;
    byName;
    /** Documents retired into packs, once their packs were read: name to a reader of its text. */
    retired = new Map();
    constructor(artifacts, listing, options) {
        this.artifacts = artifacts;
        this.options = options;
        this.location = `run ${options.runId}`;
        this.byName = new Map(listing.map(artifact => [artifact.name, artifact]));
    }
    /** The listed artifacts' names, and the documents found retired into packs. */
    listNames() {
        return Promise.resolve([...this.byName.keys(), ...this.retired.keys()]);
    }
    /** The names of the run's listed artifacts only. */
    listArtifactNames() {
        return Promise.resolve([...this.byName.keys()]);
    }
    /** Makes documents retired into packs readable, and listed, as the others are. */
    addRetired(documents) {
        for (const [name, read] of documents) {
            if (!this.byName.has(name))
                this.retired.set(name, read);
        }
    }
    /** The listed artifact of a name, for callers that need its id or uploader. */
    artifact(name) {
        return this.byName.get(name);
    }
    async readText(name) {
        const artifact = this.byName.get(name);
        const retired = this.retired.get(name);
        if (!artifact && retired)
            return retired();
        if (!artifact)
            throw new CheckpointNotFoundError(`${this.location}/${name}`);
        await (0,promises_namespaceObject.mkdir)(this.options.scratch, { recursive: true });
        const file = await this.artifacts.download(artifact, this.options.scratch);
        return decodeUtf8(await (0,promises_namespaceObject.readFile)(file), `${this.location}/${name}`);
    }
    /** Uploads a document as its own artifact, the commit point of a save. */
    async writeText(name, text) {
        await (0,promises_namespaceObject.mkdir)(this.options.scratch, { recursive: true });
        const result = await this.artifacts.uploadDocument(name, text, {
            retentionDays: this.options.retentionDays
        });
        this.byName.set(name, {
            id: result.id,
            name,
            size: result.size,
            digest: result.digest,
            jobBackendId: this.artifacts.jobBackendId,
            // A read of it later asks for a signed URL with these ids, as for a listed one.
            runBackendId: this.artifacts.runBackendId,
            createdAt: new Date().toISOString()
        });
    }
}

;// CONCATENATED MODULE: ./src/transport/scope-ownership.ts

/**
 * Which job owns each scope in each attempt: the job whose first checkpoint artifact of that
 * scope and attempt the artifact service created first (ties broken by job id). Decided from
 * what the service recorded, so two jobs that share a scope by mistake agree on one owner
 * however their uploads interleave.
 * @returns a map from `<scope>.a<attempt>` to the owning job's id
 */
function scopeOwners(listing) {
    const first = new Map();
    for (const artifact of listing) {
        const parsed = parseAnyArtifactName(artifact.name);
        if (!parsed)
            continue;
        const key = ownerKey(parsed.ref.scope, parsed.ref.attempt);
        const current = first.get(key);
        if (!current || earlier(artifact, current))
            first.set(key, artifact);
    }
    return new Map([...first].map(([key, artifact]) => [key, artifact.jobBackendId]));
}
/** The key of a scope in an attempt, as {@link scopeOwners} returns them. */
function ownerKey(scope, attempt) {
    return `${scope}.a${attempt}`;
}
/**
 * The listing without artifacts written by a job that does not own their scope in their
 * attempt: a restore never mixes two jobs' pipelines.
 * @returns the kept artifacts and the names left out
 */
function ownedArtifacts(listing) {
    const owners = scopeOwners(listing);
    const kept = [];
    const foreign = [];
    for (const artifact of listing) {
        const parsed = parseAnyArtifactName(artifact.name);
        const owner = parsed && owners.get(ownerKey(parsed.ref.scope, parsed.ref.attempt));
        if (owner !== undefined && owner !== artifact.jobBackendId)
            foreign.push(artifact.name);
        else
            kept.push(artifact);
    }
    return { kept, foreign };
}
function earlier(a, b) {
    if (a.createdAt !== b.createdAt)
        return a.createdAt < b.createdAt;
    return a.jobBackendId < b.jobBackendId;
}

;// CONCATENATED MODULE: ./src/resume/local-copies.ts







/**
 * The job's copies of what it uploaded or downloaded for one scope, in one folder under
 * RUNNER_TEMP: the small archives (so a merge into a pack never downloads them again) and the
 * checkpoint documents this job wrote (so a pack can carry the ones it retires). A copy is used
 * only when its sha256 is the one the checkpoint recorded.
 */
class LocalCopies {
    folder;
    constructor(folder) {
        this.folder = folder;
    }
    /** The copies of `scope` on this runner. */
    static of(runnerTemp, scope) {
        return new LocalCopies((0,external_node_path_.join)(runnerTemp, `checkpoint-copies-${scope}`));
    }
    /** Where the copy of an artifact goes; only names this project gives are taken. */
    path(name) {
        if (!parseAnyArtifactName(name)) {
            throw new ArchiveIntegrityError(name, 'its name is not one this action gives an artifact');
        }
        return (0,external_node_path_.join)(this.folder, name);
    }
    /** The folder, made when first needed. */
    async ready() {
        await (0,promises_namespaceObject.mkdir)(this.folder, { recursive: true });
        return this.folder;
    }
    /** The copy of `name` when its bytes hash to `digest`; a copy that differs is not used. */
    async verified(name, digest) {
        const file = this.path(name);
        // Most archives have no copy yet on a fresh runner: asked cheaply before any read.
        if (!(await (0,promises_namespaceObject.stat)(file).catch(() => undefined))?.isFile())
            return undefined;
        try {
            return (await sha256File(file)) === digest ? file : undefined;
        }
        catch {
            return undefined;
        }
    }
    /** Moves `file` in as the copy of `name`. */
    async adopt(name, file) {
        await this.ready();
        await (0,promises_namespaceObject.rename)(file, this.path(name));
        return this.path(name);
    }
    /** Keeps a document's text, for the pack that retires it later. */
    async keepText(name, text) {
        await this.ready();
        await (0,promises_namespaceObject.writeFile)(this.path(name), text);
    }
    /** The text kept for `name`, if any. */
    async text(name) {
        return (0,promises_namespaceObject.readFile)(this.path(name), 'utf8').catch(() => undefined);
    }
    /** The names of the retired documents a pack this job wrote holds, as recorded when written. */
    async packDocuments(pack) {
        const text = await (0,promises_namespaceObject.readFile)(`${this.path(pack)}.documents`, 'utf8').catch(() => '');
        return text.split('\n').filter(name => name !== '');
    }
    /** Records which retired documents a pack holds. */
    async recordPackDocuments(pack, documents) {
        await this.ready();
        await (0,promises_namespaceObject.writeFile)(`${this.path(pack)}.documents`, documents.join('\n'));
    }
}
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_.createReadStream)(file), hash);
    return `sha256:${hash.digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/resume/run-archive-copies.ts







/** Downloads of small artifacts in flight at once during a restore. */
const PARALLEL_DOWNLOADS = 4;
/**
 * The bytes of this run's archives, each as a local copy checked against the digest its
 * checkpoint recorded: the copy the job already has, else read out of its pack (downloaded
 * whole, once) by byte range, else its own artifact downloaded whole. What is fetched is kept
 * among the copies, so a later save merges it without downloading it again.
 */
class RunArchiveCopies {
    artifacts;
    store;
    copies;
    downloads;
    packs = new Map();
    constructor(artifacts, store, copies, downloads) {
        this.artifacts = artifacts;
        this.store = store;
        this.copies = copies;
        this.downloads = downloads;
    }
    /**
     * A pack of this run with its entries: the job's copy when its bytes still hash to the
     * artifact's digest, else downloaded whole once (checked against the digest recorded at
     * upload) and kept among the copies, so a later save merges out of it without a download.
     */
    pack(name) {
        let pack = this.packs.get(name);
        if (!pack) {
            pack = this.downloadPack(name);
            this.packs.set(name, pack);
        }
        return pack;
    }
    async downloadPack(name) {
        const artifact = this.listed(name);
        const digest = artifact.digest;
        const kept = digest === undefined ? undefined : await this.copies.verified(name, digest);
        if (kept)
            return openPack(kept);
        await (0,promises_namespaceObject.mkdir)(this.downloads, { recursive: true });
        const file = await this.artifacts.download(artifact, this.downloads);
        return openPack(await this.copies.adopt(name, file));
    }
    /** True when the archive is recorded inside a pack this run still lists. */
    inListedPack(record) {
        return record.pack !== undefined && this.store.artifact(record.pack) !== undefined;
    }
    /**
     * The exact bytes of an archive inside a listed pack ({@link inListedPack}), read into memory
     * and checked against `record.digest`: no copy of its own is written.
     * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
     */
    async bytesInPack(record) {
        const pack = record.pack;
        if (pack === undefined)
            throw new ArchiveIntegrityError(record.name, 'is in no pack');
        return archiveBytesOut(await this.pack(pack), pack, record);
    }
    /**
     * A local file holding the archive's exact bytes, verified against `record.digest`.
     * @throws ArchiveIntegrityError when no bytes with that digest can be had
     */
    async archive(record) {
        const kept = await this.copies.verified(record.name, record.digest);
        if (kept)
            return kept;
        await this.copies.ready();
        const holder = record.pack ?? record.name;
        if (!this.store.artifact(holder))
            return this.fromAnyPack(record);
        if (record.pack !== undefined)
            return this.fromPack(record.pack, record);
        const artifact = this.listed(record.name);
        if (artifact.digest !== undefined && artifact.digest !== record.digest) {
            throw new ArchiveIntegrityError(record.name, 'its digest differs from the one recorded');
        }
        await (0,promises_namespaceObject.mkdir)(this.downloads, { recursive: true });
        return this.copies.adopt(record.name, await this.artifacts.download(artifact, this.downloads));
    }
    /** Copies an archive out of a pack, by its byte range, checked against its digest. */
    async fromPack(pack, record) {
        const target = this.copies.path(record.name);
        await copyArchiveOut(await this.pack(pack), pack, record, `${target}.part`);
        await (0,promises_namespaceObject.rename)(`${target}.part`, target);
        return target;
    }
    /**
     * An archive whose artifact is gone: a later save of the job merged it into a newer pack and
     * deleted the old one (an earlier checkpoint's fallback). The scope's packs are searched,
     * newest first, for an entry of its name and digest.
     */
    async fromAnyPack(record) {
        const scope = parseAnyArtifactName(record.name)?.ref.scope;
        const packs = (await this.store.listArtifactNames())
            .map(name => ({ name, ref: parsePackName(name) }))
            .filter(item => item.ref !== undefined && item.ref.scope === scope)
            .sort((a, b) => compareRefs(b.ref, a.ref));
        for (const { name } of packs) {
            const { entries } = await this.pack(name);
            if (!entries.some(entry => entry.name === record.name))
                continue;
            try {
                return await this.fromPack(name, record);
            }
            catch (error) {
                if (!(error instanceof ArchiveIntegrityError))
                    throw error;
            }
        }
        throw new ArchiveIntegrityError(record.name, "is in none of this run's artifacts and packs");
    }
    /**
     * The checkpoint documents of `scope` retired into this run's packs, each with a reader of
     * its text: every pack of the scope is downloaded (a fallback past the separate documents).
     */
    async retiredDocuments(scope) {
        const found = new Map();
        const names = await this.store.listArtifactNames();
        for (const pack of names.filter(name => parsePackName(name)?.scope === scope)) {
            const { file, entries } = await this.pack(pack);
            for (const entry of entries) {
                if (parseCheckpointName(entry.name)?.scope !== scope || found.has(entry.name))
                    continue;
                const where = `${pack}!${entry.name}`;
                found.set(entry.name, async () => decodeUtf8(await readPackEntry(file, entry), where));
            }
        }
        return found;
    }
    /**
     * Fetches the artifacts holding a checkpoint's small archives of run `runId`, at most
     * {@link PARALLEL_DOWNLOADS} at a time: each pack, and each small archive of its own, whole.
     */
    async prefetch(archives, runId) {
        // Units whose artifact is gone (an earlier checkpoint's) are searched for one at a time.
        const listed = smallUnits(archives, runId).filter(unit => this.store.artifact(unit.artifact));
        await forEachBounded(listed, PARALLEL_DOWNLOADS, async (unit) => {
            const [only] = unit.archives;
            if (only && only.pack === undefined)
                await this.archive(only);
            else
                await this.pack(unit.artifact);
        });
    }
    listed(name) {
        const artifact = this.store.artifact(name);
        if (!artifact)
            throw new ArchiveIntegrityError(name, "is not among this run's artifacts");
        return artifact;
    }
}

;// CONCATENATED MODULE: ./src/resume/restore-latest.ts

















/**
 * Finds the scope's checkpoints in the run and restores the newest one that verifies, files
 * included; a bad one is reported and the previous one tried. Undefined when there is none,
 * which on a first attempt is known without asking the service. Archives of nodes this run took
 * from another run or the cache are fetched through `elsewhere`.
 * @throws ArtifactsUnavailableError on GitHub Enterprise Server, which has no artifact service
 */
async function restoreLatest(scope, token, context, keys = {}, elsewhere) {
    // Said on a first attempt too: the first step of the job tells the user at once.
    assertArtifactsAvailable();
    if (context.run.attempt <= 1) {
        info('This is the first attempt of the run: there is no earlier checkpoint to restore.');
        return undefined;
    }
    const codec = new CheckpointCodec(keys);
    const artifacts = new ArtifactStore(context, token, stepLog);
    const scratch = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_.join)(context.runnerTemp, 'checkpoint-restore-'));
    try {
        const store = await readableCheckpoints(artifacts, scope, scratch, context.run.runId);
        const manager = new CheckpointManager(store, { scope, codec });
        if ((await manager.list()).length === 0) {
            info(`No checkpoint of scope '${scope}' in this run: the pipeline starts from the beginning.`);
            return undefined;
        }
        const runId = context.run.runId;
        const copies = new RunArchiveCopies(artifacts, store, LocalCopies.of(context.runnerTemp, scope), (0,external_node_path_.join)(scratch, 'downloads'));
        const archives = runArchives(store, artifacts, runId, elsewhere, copies);
        const restoring = { manager, store, archives, copies, runId, codec, scratch };
        return await restoreNewestValid({ ...restoring, workspace: context.workspace });
    }
    finally {
        await (0,promises_namespaceObject.rm)(scratch, { recursive: true, force: true });
    }
}
/**
 * The run's checkpoints as a store, without those written by a job that did not own their
 * scope, which are reported: a restore never mixes two jobs' pipelines.
 */
async function readableCheckpoints(artifacts, scope, scratch, runId) {
    const { kept, foreign } = ownedArtifacts(await artifacts.list());
    if (foreign.some(name => name.startsWith(`checkpoint.${scope}.`))) {
        warning(`Checkpoints of scope '${scope}' were also written by a job that did not own it (${foreign.length} artifact(s), e.g. ${foreign[0] ?? ''}): they are ignored. Give each job its own scope.`);
    }
    return new RunCheckpointStore(artifacts, kept, { scratch, runId });
}
/**
 * Restores the newest checkpoint that verifies; a bad one is reported and the previous one
 * tried. Past the first bad one, the documents retired into packs are listed too, so the
 * fallback reaches as far back as they go.
 */
async function restoreNewestValid(restoring) {
    const tried = new Set();
    let expanded = false;
    for (;;) {
        const ref = (await restoring.manager.list())
            .reverse()
            .find(item => !tried.has(naming_checkpointName(item)));
        if (!ref) {
            if (expanded)
                break;
            expanded = await listRetired(restoring);
            continue;
        }
        tried.add(naming_checkpointName(ref));
        try {
            return await stageAndPlace(ref, (0,external_node_path_.join)(restoring.scratch, `staging-${tried.size}`), restoring);
        }
        catch (error) {
            // Only a checkpoint that is bad is passed over; a service or disk failure would fail
            // every older one the same way, and is reported as what it is (fail-on-error applies).
            if (error instanceof ServiceError || !(error instanceof CheckpointError))
                throw error;
            warning(`Checkpoint ${naming_checkpointName(ref)} was not restored: ${describe(error)}. Trying the previous one.`);
            expanded ||= await listRetired(restoring);
        }
    }
    warning(`None of the ${tried.size} checkpoint(s) of scope '${restoring.manager.scope}' could be restored: starting from the beginning.`);
    return undefined;
}
/** Lists the documents retired into the scope's packs among the checkpoints; true when done. */
async function listRetired({ store, copies, manager }) {
    try {
        store.addRetired(await copies.retiredDocuments(manager.scope));
    }
    catch (error) {
        if (error instanceof ServiceError || !(error instanceof CheckpointError))
            throw error;
        warning(`A pack of scope '${manager.scope}' could not be read: ${describe(error)}`);
    }
    return true;
}
/**
 * Loads and verifies one checkpoint, stages its files (each checked against the manifest), then
 * puts them in the workspace: a bad checkpoint fails before any file moves.
 */
async function stageAndPlace(ref, staging, { manager, archives, copies, runId, codec, scratch, workspace }) {
    const document = await manager.load(ref);
    await copies.prefetch(document.archives, runId);
    const folders = { downloads: (0,external_node_path_.join)(scratch, 'downloads'), staging };
    await stageFiles(document, archives, folders, codec.fileKey);
    await placeFiles(staging, document.files, workspace);
    report(document);
    return document;
}
function report(document) {
    const nodes = completedNodes(document);
    info(`Restored ${naming_checkpointName(document)} (attempt ${document.attempt} of run ${document.run.runId}): ` +
        `${nodes.length} node(s) done [${nodes.join(', ')}], ${document.files.length} file(s) put back.`);
}

;// CONCATENATED MODULE: ./src/resume/sources.ts






/**
 * Tries each source of `from` in order; a node comes from the first source that has a verified
 * hit for it, and its files are in the workspace when this returns.
 */
async function restoreFromSources(request) {
    const found = {
        document: undefined,
        newest: undefined,
        known: new Set(),
        reuse: {
            from: request.sources.from,
            reset: false,
            rerun: [],
            sources: {},
            reasons: {},
            offers: {}
        }
    };
    for (const source of request.sources.from) {
        if (source === 'attempts')
            await fromAttempts(request, found);
        if (source === 'runs')
            await fromRuns(request, found);
        if (source === 'cache')
            await fromCache(request, found);
    }
    for (const node of request.sources.keys.keys()) {
        if (found.reuse.reasons[node] === undefined)
            found.reuse.reasons[node] = 'not-found';
    }
    return found;
}
async function fromAttempts(request, found) {
    const { scope, token, context, keys } = request;
    // Nodes this run took from other runs or the cache have their archives there.
    const elsewhere = archivesElsewhere({
        client: restClient(token),
        repository: context.repository,
        cache: cacheArchives(context.runnerTemp)
    });
    const document = await restoreLatest(scope, token, context, keys, elsewhere).catch((error) => {
        // GitHub Enterprise Server: one notice, and the cache is the next source.
        if (noticeIfUnavailable(error))
            return undefined;
        throw error;
    });
    if (!document)
        return;
    const thisRun = context.run.runId;
    take(found, document, node => node.runId === thisRun ? `attempt ${node.attempt}` : `attempt ${document.attempt}`);
}

;// CONCATENATED MODULE: ./src/restore/main.ts













/**
 * The restore entry: finds this scope's checkpoints in the sources of `from` (earlier attempts
 * of the run, earlier runs, the cache), verifies them, puts their files back and sets the
 * outputs that skip the nodes already done.
 */
async function runRestore() {
    let failOnError = false;
    const context = readRunContext();
    let scope = 'default';
    try {
        const inputs = getRestoreInputs();
        const sources = getSourceInputs();
        failOnError = inputs.failOnError;
        scope = inputs.scope;
        saveState(RestoreState.Scope, scope);
        const started = Date.now();
        const restored = await inGroup(`Restore scope '${scope}'`, async () => {
            const found = await findAndRestore(inputs, sources, context);
            const invalidation = applyInvalidation(found, inputs, sources, context);
            const origin = { newest: found.newest, reuse: found.reuse };
            await setRestoreOutputs(invalidation?.document, context.runnerTemp, scope, origin);
            await rememberRestore(context.runnerTemp, scope, found.document, invalidation, origin);
            return { found, done: completedNodes(invalidation?.document) };
        });
        info(restoredLine(scope, restored, Date.now() - started));
    }
    catch (error) {
        reportFailure(error, failOnError);
        // No job context is written: a later save then finds the run's latest checkpoint itself
        // instead of starting a new pipeline over progress this step failed to read.
        await setRestoreOutputs(undefined, context.runnerTemp, scope).catch(() => undefined);
    }
}
/** The checkpoints of `from`, restored; with `reset`, nothing. */
async function findAndRestore(inputs, sources, context) {
    if (inputs.reset)
        return resetFound(inputs, sources, context);
    return restoreFromSources({
        scope: inputs.scope,
        token: inputs.githubToken,
        context,
        keys: inputs.protection,
        sources,
        invalidation: { rerun: inputs.rerun, rerunFrom: inputs.rerunFrom },
        failOnError: inputs.failOnError
    });
}
/**
 * The step's one final line: what was restored, from where, how many files and bytes, in how
 * long; `done` are the nodes left done once those asked to run again are taken out.
 */
function restoredLine(scope, { found, done }, ms) {
    const document = found.document;
    if (!document) {
        return `Restored nothing of scope '${scope}': no checkpoint to resume from, the pipeline runs from the beginning (${formatDuration(ms)}).`;
    }
    const from = [...new Set(Object.values(found.reuse.sources))].join(', ');
    const bytes = document.files.reduce((total, file) => total + file.size, 0);
    const moved = movedInWords({ files: document.files.length, bytes, ms });
    return `Restored scope '${scope}' from ${naming_checkpointName(found.newest ?? document)}${from ? ` (${from})` : ''}: ${done.length} node(s) done [${done.join(', ')}], ${moved}.`;
}
/** `reset`: nothing is looked at, and no later step takes a node from another run or the cache. */
function resetFound(inputs, sources, context) {
    const ignored = sources.from.filter(source => source !== 'attempts' || context.run.attempt > 1);
    if (ignored.length === 0) {
        warning(`Input 'reset' is true, but there is nothing to ignore: this is the first attempt of the run and 'from' lists only attempts. To start over from other runs' checkpoints, add runs or cache to 'from'.`);
    }
    else {
        info(`Input 'reset' is true: checkpoints of scope '${inputs.scope}' (${ignored.join(', ')}) are ignored and the pipeline runs from the beginning.`);
    }
    const reuse = { from: sources.from, reset: true, rerun: [], sources: {}, reasons: {}, offers: {} };
    return { document: undefined, newest: undefined, reuse, known: new Set() };
}
function applyInvalidation(found, inputs, sources, context) {
    const asked = [...inputs.rerun, ...(inputs.rerunFrom === undefined ? [] : [inputs.rerunFrom])];
    if (asked.length > 0 && found.known.size === 0 && !inputs.reset) {
        warnNothingToRerun(asked, sources, context);
    }
    const document = found.document;
    if (!document) {
        markRerun(found, asked, []);
        return undefined;
    }
    const invalidation = invalidate(document, { rerun: inputs.rerun, rerunFrom: inputs.rerunFrom });
    const unknown = invalidation.unknown.filter(id => !found.known.has(id));
    if (unknown.length > 0) {
        const known = [...found.known].join(', ') || 'none';
        warning(`Asked to re-run ${unknown.map(id => `'${id}'`).join(', ')}, which no checkpoint records as done (known nodes: ${known}).`);
    }
    if (invalidation.rerun.length > 0) {
        info(`Running again on request: ${invalidation.rerun.join(', ')}.`);
    }
    markRerun(found, [...asked, ...invalidation.rerun], invalidation.rerun);
    return invalidation;
}
/** Nodes asked to run again: no later step may take them from another run or the cache. */
function markRerun(found, asked, dropped) {
    const reuse = found.reuse;
    reuse.rerun = [...new Set([...reuse.rerun, ...asked])];
    reuse.sources = Object.fromEntries(Object.entries(reuse.sources).filter(([id]) => !dropped.includes(id)));
    for (const id of dropped)
        reuse.reasons[id] = 'rerun-requested';
}
function warnNothingToRerun(asked, sources, context) {
    const why = context.run.attempt <= 1 && sources.from.length === 1
        ? `this is the first attempt of the run and 'from' lists only attempts: a run started anew (e.g. by workflow_dispatch) needs from: runs or cache to find earlier checkpoints`
        : `no source in 'from' (${sources.from.join(', ')}) had a checkpoint of this scope`;
    warning(`Asked to re-run ${asked.map(id => `'${id}'`).join(', ')}, but there is nothing to act on: ${why}.`);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(1474);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
